package ru.paragraf.sferum.school.oneroster;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The grade and letter of a homeroom class as written in its title: a number and a Cyrillic letter, joined
 * directly or by a space or a dash, the letter possibly quoted, possibly followed by the word for "class". A Latin
 * letter that looks like a Cyrillic one (A, B, E, K, M, H, O, P, C, T, X, Y) is read as the Cyrillic letter,
 * because the two are indistinguishable on screen. A title with a letter only takes the grade from the grades
 * column when it holds a single grade.
 */
record ClassName(int grade, String letter) {

    private static final Pattern TITLE = Pattern.compile(
            "(\\d{1,2})?\\s*[-\\u2010-\\u2015]?\\s*[\"\\u00AB]?([A-Za-z\\u0410-\\u044F\\u0401\\u0451])[\"\\u00BB]?"
                    + "(\\s+\\u043A\\u043B\\u0430\\u0441\\u0441)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern GRADE = Pattern.compile("\\d{1,2}");

    private static final Map<Character, Character> LOOKALIKES = Map.ofEntries(
            Map.entry('A', '\u0410'),
            Map.entry('B', '\u0412'),
            Map.entry('C', '\u0421'),
            Map.entry('E', '\u0415'),
            Map.entry('H', '\u041D'),
            Map.entry('K', '\u041A'),
            Map.entry('M', '\u041C'),
            Map.entry('O', '\u041E'),
            Map.entry('P', '\u0420'),
            Map.entry('T', '\u0422'),
            Map.entry('X', '\u0425'),
            Map.entry('Y', '\u0423'));

    /** The grade and letter, or empty when the title does not name a class; the grade is not range-checked. */
    static Optional<ClassName> parse(String title, List<String> grades) {
        var matcher = TITLE.matcher(title.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        var letter = Character.toUpperCase(matcher.group(2).charAt(0));
        if (letter < 0x0400) {
            var cyrillic = LOOKALIKES.get(letter);
            if (cyrillic == null) {
                return Optional.empty();
            }
            letter = cyrillic;
        }
        var number = matcher.group(1);
        if (number == null) {
            if (grades.size() != 1 || !GRADE.matcher(grades.get(0)).matches()) {
                return Optional.empty();
            }
            number = grades.get(0);
        }
        return Optional.of(new ClassName(Integer.parseInt(number), String.valueOf(letter)));
    }

    /** The grade the grades column gives, when it gives exactly one number. */
    static Optional<Integer> singleGrade(List<String> grades) {
        if (grades.size() == 1 && GRADE.matcher(grades.get(0)).matches()) {
            return Optional.of(Integer.parseInt(grades.get(0)));
        }
        return Optional.empty();
    }

    boolean gradeIsValid() {
        return grade >= 1 && grade <= 11;
    }

    String title() {
        return grade + letter;
    }
}
