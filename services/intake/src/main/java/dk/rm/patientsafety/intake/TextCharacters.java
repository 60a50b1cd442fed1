package dk.rm.patientsafety.intake;

import java.util.Optional;

/**
 * Text fields hold text: control characters other than tab, line feed and carriage return, and unpaired UTF-16
 * surrogates, are refused with the field's name. They are never typed by a reporter, so they mean a broken or hostile
 * sender, and they break what comes after (PostgreSQL refuses NUL; an unpaired surrogate cannot be written as UTF-8).
 * Refusing rather than stripping tells the sender, and keeps the stored text exactly what was sent.
 */
final class TextCharacters {

    private TextCharacters() {
    }

    /** What is wrong with the text's characters, naming the character's code but never the text. */
    static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired surrogate (U+%04X at position %d): not valid Unicode".formatted((int) c, i));
            } else if (isForbiddenControl(c)) {
                return Optional.of(("contains the control character U+%04X at position %d; only tab, line feed and carriage return "
                        + "are allowed").formatted((int) c, i));
            }
        }
        return Optional.empty();
    }

    private static boolean isForbiddenControl(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r';
    }
}
