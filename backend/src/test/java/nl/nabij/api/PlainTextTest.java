package nl.nabij.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule for free text: every script and its marks pass; markup, controls and hidden characters do not. */
class PlainTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Fatma Yılmaz",
                "Zoë van 't Hof",
                "José’s buurthuis",
                "Łódź",
                "مسجد الفتح",
                "Дом соседей",
                "e\u0301en" // a combining accent, as some phones send it
            })
    void textInAnyScriptIsPlain(String text) {
        assertThat(PlainText.isPlain(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "a > b",
                "tab\there",
                "bell\u0007",
                "evil\u202Etxt.exe", // right-to-left override
                "isolated\u2066text\u2069",
                "arabic\u061Cmark",
                "zero\u200Bwidth",
                "joiner\u200D",
                "word\u2060joiner",
                "bom\uFEFF"
            })
    void markupControlsAndHiddenCharactersAreRefused(String text) {
        assertThat(PlainText.isPlain(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"line one\nline two", "line one\r\nline two"})
    void linesMayBreakOnlyInLongerTexts(String text) {
        assertThat(PlainText.isPlainLines(text)).isTrue();
        assertThat(PlainText.isPlain(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<b>line</b>\nnext", "line\n\u202Enext"})
    void lineBreaksDoNotLetRefusedCharactersThrough(String text) {
        assertThat(PlainText.isPlainLines(text)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aComposedAndADecomposedNameAreStoredAlike() {
        assertThat(PlainText.normalized("  Zoe\u0308 ")).isEqualTo("Zoë").isEqualTo(PlainText.normalized("Zoë"));
        assertThat(PlainText.normalized(null)).isNull();
    }
}
