package dk.rm.patientsafety.taxonomy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Danish text to tokens: lower case, æøå folded to ASCII (so "aa"/"å", "oe"/"ø", "ae"/"æ" are one key), clinical
 * abbreviations expanded, words split at hyphens and stemmed, clause punctuation kept as tokens.
 *
 * <p>Why each step:
 * <ul>
 *   <li>Folding æ→ae, ø→oe, å→aa (and ä, ö, é… from foreign keyboards) makes the old "aa" spelling and reports typed
 *       without Danish letters ("tryksaar", "foelge") the same key as "tryksår", "følge". A reporter who types a bare
 *       o for ø ("fodsel") is one edit away, which the misspelling tolerance covers.</li>
 *   <li>Abbreviations ("pt.", "spl.", "i.v.", "tbl.") are expanded, so rules need one spelling, and their full stop
 *       is consumed, so it does not end a negation scope in the middle of a clause. The cost: an abbreviation at the
 *       end of a sentence swallows that sentence's full stop.</li>
 *   <li>Hyphens split words ("IT-nedbrud" → "it nedbrud", "MRSA-positiv"), so a phrase rule matches both spellings.
 *       Decimal numbers ("0,5 mg") stay one token, so their comma is no clause boundary.</li>
 *   <li>Line breaks count as full stops: reporters often end a statement with a line break instead.</li>
 * </ul>
 */
public final class DanishNormaliser {

    /** Common abbreviations in Danish clinical free text, as folded keys, and what they stand for. */
    static final Map<String, String> ABBREVIATIONS = Map.ofEntries(
            Map.entry("pt.", "patient"), Map.entry("pt", "patient"), Map.entry("pts.", "patientens"),
            Map.entry("pt.s", "patientens"), Map.entry("pts", "patientens"),
            Map.entry("spl.", "sygeplejerske"), Map.entry("spl", "sygeplejerske"), Map.entry("sygpl.", "sygeplejerske"),
            Map.entry("laege.", "laege"), Map.entry("lg.", "laege"), Map.entry("vagtl.", "vagtlaege"),
            Map.entry("i.v.", "intravenoes"), Map.entry("iv.", "intravenoes"), Map.entry("i.m.", "intramuskulaer"),
            Map.entry("s.c.", "subkutan"), Map.entry("p.o.", "peroral"), Map.entry("p.n.", "pn"),
            Map.entry("tbl.", "tablet"), Map.entry("tabl.", "tablet"), Map.entry("inj.", "injektion"),
            Map.entry("inf.", "infusion"), Map.entry("amp.", "ampul"), Map.entry("ordin.", "ordination"),
            Map.entry("evt.", "eventuelt"), Map.entry("ca.", "cirka"), Map.entry("kl.", "klokken"),
            Map.entry("f.eks.", "for eksempel"), Map.entry("fx.", "for eksempel"), Map.entry("fx", "for eksempel"),
            Map.entry("bl.a.", "blandt andet"), Map.entry("dvs.", "det vil sige"), Map.entry("d.v.s.", "det vil sige"),
            Map.entry("mht.", "med hensyn til"), Map.entry("m.h.t.", "med hensyn til"), Map.entry("iflg.", "ifoelge"),
            Map.entry("pga.", "paa grund af"), Map.entry("p.g.a.", "paa grund af"), Map.entry("pga", "paa grund af"),
            Map.entry("ift.", "i forhold til"), Map.entry("vedr.", "vedroerende"), Map.entry("hhv.", "henholdsvis"),
            Map.entry("obs.", "observation"), Map.entry("afd.", "afdeling"), Map.entry("amb.", "ambulatorium"),
            Map.entry("journ.", "journal"), Map.entry("nr.", "nummer"), Map.entry("min.", "minutter"),
            Map.entry("ssa.", "sosu assistent"), Map.entry("ssh.", "sosu hjaelper"), Map.entry("d.", "den"));

    private static final String BOUNDARY_MARKS = ",.;:!?()–—\"";

    private final Map<String, String> abbreviations;

    private DanishNormaliser(Map<String, String> abbreviations) {
        this.abbreviations = abbreviations;
    }

    /** The built-in abbreviations. */
    public static DanishNormaliser defaults() {
        return new DanishNormaliser(ABBREVIATIONS);
    }

    /** The built-in abbreviations plus more (written as in reports, e.g. "sengeafs." → "sengeafsnit"). */
    public static DanishNormaliser withAbbreviations(Map<String, String> more) {
        Map<String, String> all = new HashMap<>(ABBREVIATIONS);
        more.forEach((abbreviation, meaning) -> all.put(fold(abbreviation.trim()), fold(meaning.trim())));
        return new DanishNormaliser(Map.copyOf(all));
    }

    /** Lower case, Unicode-composed, æøå and foreign letters folded to ASCII; other characters unchanged. */
    public static String fold(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length() + 8);
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'æ', 'ä' -> out.append("ae");
                case 'ø', 'ö' -> out.append("oe");
                case 'å' -> out.append("aa");
                case 'é', 'è', 'ê', 'ë' -> out.append('e');
                case 'á', 'à', 'â' -> out.append('a');
                case 'ó', 'ò', 'ô' -> out.append('o');
                case 'ú', 'ù', 'û', 'ü' -> out.append('u');
                case 'í', 'ì', 'î', 'ï' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The words of a rule phrase, as keys (no stemming, no abbreviations): "fundet på gulvet" → [fundet, paa, gulvet]. */
    public List<String> keys(String phrase) {
        return tokens(phrase).stream().filter(t -> t.kind() != Token.Kind.PUNCTUATION).map(Token::key).toList();
    }

    /** The word stems of a phrase: "i hvert fald" → [i, hvert, fald]. */
    public List<String> stems(String phrase) {
        return tokens(phrase).stream().filter(t -> t.kind() != Token.Kind.PUNCTUATION).map(Token::stem).toList();
    }

    /** The tokens of a text, in order. */
    public List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                i = word(text, i, tokens);
            } else if (Character.isDigit(c)) {
                int j = i;
                // 0,5 and 1.000 stay one number: a comma between digits is no clause boundary.
                while (j < n && (Character.isDigit(text.charAt(j)) || ((text.charAt(j) == ',' || text.charAt(j) == '.')
                        && j + 1 < n && Character.isDigit(text.charAt(j + 1)) && j > i))) {
                    j++;
                }
                String number = text.substring(i, j);
                tokens.add(new Token(number, number, number, Token.Kind.NUMBER));
                i = j;
            } else if (c == '\n' || c == '\r') {
                if (!tokens.isEmpty() && tokens.get(tokens.size() - 1).kind() != Token.Kind.PUNCTUATION) {
                    tokens.add(new Token("\n", ".", ".", Token.Kind.PUNCTUATION));
                }
                i++;
            } else if (BOUNDARY_MARKS.indexOf(c) >= 0) {
                String mark = c == '—' ? "–" : String.valueOf(c);
                tokens.add(new Token(String.valueOf(c), mark, mark, Token.Kind.PUNCTUATION));
                i++;
            } else {
                // Spaces, hyphens, slashes, quotes, apostrophes: separators only.
                i++;
            }
        }
        return tokens;
    }

    /** Reads the word (or dotted abbreviation) at start, adds its token(s), returns where the next one starts. */
    private int word(String text, int start, List<Token> tokens) {
        int n = text.length();
        int end = start;
        while (end < n && Character.isLetterOrDigit(text.charAt(end))) {
            end++;
        }
        // A dotted chain such as "i.v.", "f.eks.", "bl.a.": short letter groups each followed by a full stop.
        int chainEnd = end;
        if (end < n && text.charAt(end) == '.') {
            chainEnd = end + 1;
            int m = end + 1;
            while (m < n && Character.isLetter(text.charAt(m))) {
                int p = m;
                while (p < n && Character.isLetter(text.charAt(p))) {
                    p++;
                }
                if (p - m <= 4 && end - start <= 4 && p < n && text.charAt(p) == '.') {
                    chainEnd = p + 1;
                    m = p + 1;
                } else {
                    break;
                }
            }
        }
        String dotted = text.substring(start, chainEnd);
        String meaning = abbreviations.get(fold(dotted));
        if (meaning != null) {
            expand(dotted, meaning, tokens);
            return chainEnd;
        }
        if (chainEnd > end + 1) {
            // An unknown dotted abbreviation ("a.m.") becomes one word; its dots are not sentence ends.
            String joined = fold(dotted.replace(".", ""));
            tokens.add(new Token(dotted, joined, DanishStemmer.stem(joined), Token.Kind.WORD));
            return chainEnd;
        }
        String surface = text.substring(start, end);
        String key = fold(surface);
        meaning = abbreviations.get(key);
        if (meaning != null) {
            expand(surface, meaning, tokens);
        } else {
            tokens.add(new Token(surface, key, DanishStemmer.stem(key), Token.Kind.WORD));
        }
        return end;
    }

    private static void expand(String surface, String meaning, List<Token> tokens) {
        for (String key : meaning.split(" ")) {
            tokens.add(new Token(surface, key, DanishStemmer.stem(key), Token.Kind.WORD));
        }
    }
}
