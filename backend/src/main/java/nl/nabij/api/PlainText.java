package nl.nabij.api;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one rule for free text that people type and others read (names, descriptions, reasons, availability): any
 * script, with its combining marks and typographic apostrophes, but nothing that could become markup and nothing that
 * hides or reorders what a reader sees. Refused are control characters, {@code <} and {@code >}, the bidirectional
 * embedding, override and isolate controls and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), which
 * can make a text read differently from what it holds, and the zero-width characters (U+200B–U+200D, U+2060, U+FEFF),
 * which make two different texts look the same.
 */
public final class PlainText {

    private static final Pattern REFUSED =
            Pattern.compile("[\\p{Cntrl}<>\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]");

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private PlainText() {}

    /** Whether {@code text} holds none of the refused characters. */
    public static boolean isPlain(String text) {
        return !REFUSED.matcher(text).find();
    }

    /** Whether {@code text} holds none of the refused characters, line breaks apart: for longer texts. */
    public static boolean isPlainLines(String text) {
        return isPlain(LINE_BREAK.matcher(text).replaceAll(" "));
    }

    /**
     * {@code text} stripped and in Unicode normal form C, so that a name typed with a combining accent (as some phones
     * send it) and the same name with the composed letter are stored, compared and found alike; null stays null.
     */
    public static String normalized(String text) {
        return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }
}
