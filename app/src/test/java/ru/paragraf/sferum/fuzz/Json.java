package ru.paragraf.sferum.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.jspecify.annotations.Nullable;

/** JSON values written by hand, so that tests can also send what no JSON library would write. */
final class Json {

    private Json() {}

    static String string(@Nullable String value) {
        if (value == null) {
            return "null";
        }
        var json = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u%04x".formatted((int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /** A JSON value of any type for a field: the text as a string, or a number, boolean, null, array or object. */
    static Arbitrary<String> anyValue(Arbitrary<String> text) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, text.map(Json::string)),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                "null",
                                "true",
                                "0",
                                "-1",
                                "1.5",
                                "1e400",
                                "99999999999999999999999",
                                "[]",
                                "{}",
                                "[\"a\",1]",
                                "{\"$gt\":\"\"}")));
    }

    /** Bodies that are not the JSON object the endpoint reads. */
    static Arbitrary<String> brokenBody() {
        return Arbitraries.oneOf(
                Hostile.text(),
                Arbitraries.of(
                        "",
                        "{",
                        "}",
                        "[]",
                        "null",
                        "\"text\"",
                        "{\"a\":}",
                        "{'single':'quotes'}",
                        "{\"x\":1,}",
                        "\u0000",
                        "{\"requested\": tru}",
                        "<xml/>"));
    }
}
