package ru.paragraf.sferum.school.generator;

import java.util.HashMap;
import java.util.Map;

/** The generator's small texts: letters of parallel classes, titles of halves, clubs and electives, Latin spelling. */
final class GeneratorTexts {

    private final Map<String, String> texts = new HashMap<>();
    private final Map<Character, String> latin = new HashMap<>();

    private GeneratorTexts() {}

    static GeneratorTexts load() {
        var loaded = new GeneratorTexts();
        ResourceLines.read("texts.txt").forEach(f -> loaded.texts.put(f.get(0), f.get(1)));
        ResourceLines.read("translit.txt")
                .forEach(f -> loaded.latin.put(f.get(0).charAt(0), f.get(1)));
        return loaded;
    }

    String classLetter(int index) {
        return String.valueOf(text("class.letters").charAt(index));
    }

    String half(String classTitle, int number) {
        return format("group.half", classTitle, Integer.toString(number));
    }

    String club(String title, int number) {
        return format("group.club", title, Integer.toString(number));
    }

    String elective(String title, int grade) {
        return format("group.elective", title, Integer.toString(grade));
    }

    /** Russian letters spelt in Latin for e-mail addresses; other characters are dropped. */
    String latin(String russian) {
        var result = new StringBuilder();
        for (char c : russian.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            var spelt = latin.get(c);
            if (spelt != null) {
                result.append(spelt);
            } else if (c >= 'a' && c <= 'z') {
                result.append(c);
            }
        }
        return result.toString();
    }

    private String format(String key, String first, String second) {
        return text(key).replace("{0}", first).replace("{1}", second);
    }

    private String text(String key) {
        var text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("Missing generator text: " + key);
        }
        return text;
    }
}
