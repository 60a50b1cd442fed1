package dk.rm.patientsafety.tabular;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a delimited text file with a header row: strictly decoded (a Windows-1252 file read as UTF-8 is an error,
 * not silently garbled text), a UTF-8 byte-order mark skipped, RFC 4180 quoting with quoted cells spanning lines,
 * rows whose cells are all blank skipped.
 */
public final class CsvFile implements Closeable {

    private static final char BOM = '\uFEFF';

    private final String name;
    /** The file read, or null for text read from memory. */
    private final Path path;
    private final Charset charset;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CsvHeader header;
    /** Line breaks read up to the end of the last complete record. */
    private long linesRead;

    private CsvFile(Path path, Charset charset, char delimiter, Collection<String> known, Collection<String> required) throws CsvException {
        this(path.toString(), path, charset, openFile(path, charset), delimiter, known, required);
    }

    private CsvFile(String name, Path path, Charset charset, Reader reader, char delimiter, Collection<String> known,
                    Collection<String> required) throws CsvException {
        this.name = name;
        this.path = path;
        this.charset = charset;
        try {
            this.parser = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(true)
                    .get()
                    .parse(reader);
        } catch (IOException e) {
            throw new CsvException("Cannot read " + name + ": " + e.getClass().getSimpleName(), e);
        }
        this.records = parser.iterator();
        CSVRecord first = nextRecord();
        if (first == null) {
            close();
            throw new CsvException("The file is empty: it has no header row");
        }
        try {
            this.header = CsvHeader.of(first.toList(), known, required);
        } catch (CsvException e) {
            close();
            throw e;
        }
    }

    private static Reader openFile(Path path, Charset charset) throws CsvException {
        try {
            return open(path, charset);
        } catch (NoSuchFileException e) {
            throw new CsvException("No such file: " + path);
        } catch (CharacterCodingException e) {
            throw new CsvException(notDecodable(path, charset, firstUndecodableLine(path, charset)), e);
        } catch (IOException e) {
            throw new CsvException("Cannot read " + path + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads text already decoded, such as an uploaded file; {@code name} stands for it in messages. A leading
     * byte-order mark is skipped.
     */
    public static CsvFile read(String name, String text, char delimiter, Collection<String> known, Collection<String> required)
            throws CsvException {
        String content = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        return new CsvFile(name, null, StandardCharsets.UTF_8, new java.io.StringReader(content), delimiter, known, required);
    }

    /** Opens a file and reads its header row. */
    public static CsvFile open(Path path, Charset charset, char delimiter, Collection<String> known, Collection<String> required)
            throws CsvException {
        return new CsvFile(path, charset, delimiter, known, required);
    }

    public CsvHeader header() {
        return header;
    }

    /** The next data row, or null at the end of the file. */
    public CsvRow next() throws CsvException {
        CSVRecord record;
        do {
            record = nextRecord();
            if (record == null) {
                return null;
            }
        } while (record.stream().allMatch(String::isBlank));
        return new CsvRow(record.getRecordNumber(), List.copyOf(record.toList()), header);
    }

    /** Reads the whole file once, so that the rows can be counted and a malformed file is found before anything is sent. */
    public static long countRows(Path path, Charset charset, char delimiter, Collection<String> known, Collection<String> required)
            throws CsvException {
        try (CsvFile file = open(path, charset, delimiter, known, required)) {
            long rows = 0;
            while (file.next() != null) {
                rows++;
            }
            return rows;
        }
    }

    private CSVRecord nextRecord() throws CsvException {
        try {
            CSVRecord record = records.hasNext() ? records.next() : null;
            linesRead = parser.getCurrentLineNumber();
            return record;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException && path != null) {
                throw new CsvException(notDecodable(path, charset, firstUndecodableLine(path, charset)), e);
            }
            // commons-csv's messages may quote the offending text; ours does not
            throw new CsvException(name + ": malformed CSV in the row starting on line " + (linesRead + 1)
                    + " (a quoted cell is not closed, or text follows its closing quote)", e);
        } catch (IllegalStateException e) {
            throw new CsvException(name + ": malformed CSV", e);
        }
    }

    /**
     * The decoder reads ahead, so where it failed says little; the first line that does not decode, found by
     * decoding line by line, says exactly where to look.
     */
    private static long firstUndecodableLine(Path path, Charset charset) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            long line = 1;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b == -1) {
                    try {
                        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
                    } catch (CharacterCodingException e) {
                        return line;
                    }
                    if (b == -1) {
                        return 0;
                    }
                    bytes.reset();
                    line++;
                } else {
                    bytes.write(b);
                }
            }
        } catch (IOException e) {
            return 0;
        }
    }

    private static String notDecodable(Path path, Charset charset, long line) {
        return path + (line > 0 ? " line " + line : "") + ": not valid " + charset.name()
                + (charset.equals(StandardCharsets.UTF_8) ? " (save it from Excel as \"CSV UTF-8\", or pass --charset windows-1252)" : "");
    }

    private static Reader open(Path path, Charset charset) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(path), charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
        PushbackReader pushback = new PushbackReader(reader, 1);
        try {
            int first = pushback.read();
            if (first != -1 && first != BOM) {
                pushback.unread(first);
            }
            return pushback;
        } catch (IOException e) {
            pushback.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // read-only: nothing is lost
        }
    }
}
