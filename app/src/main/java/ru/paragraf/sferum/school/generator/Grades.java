package ru.paragraf.sferum.school.generator;

/** A set of grades 1–11, written in the generator's resources as "1-4" or "5,7-8". */
record Grades(int mask) {

    static Grades parse(String text) {
        int mask = 0;
        for (var part : text.split(",")) {
            var bounds = part.strip().split("-");
            int from = Integer.parseInt(bounds[0].strip());
            int to = bounds.length > 1 ? Integer.parseInt(bounds[1].strip()) : from;
            if (from < 1 || to > 11 || from > to) {
                throw new IllegalArgumentException("Not a range of grades 1-11: " + text);
            }
            for (int grade = from; grade <= to; grade++) {
                mask |= 1 << grade;
            }
        }
        return new Grades(mask);
    }

    boolean contains(int grade) {
        return (mask & (1 << grade)) != 0;
    }
}
