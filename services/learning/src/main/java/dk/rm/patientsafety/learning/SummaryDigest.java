package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.LearningSummary;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A summary's version: SHA-256 of its Avro encoding with the digest left empty (Avro's binary encoding is canonical). */
final class SummaryDigest {

    private static final int LENGTH = 16;

    private SummaryDigest() {
    }

    static String of(LearningSummary summary) {
        LearningSummary unversioned = LearningSummary.newBuilder(summary).setDigest("").build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            new SpecificDatumWriter<>(LearningSummary.class).write(unversioned, encoder);
            encoder.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray())).substring(0, LENGTH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
