package ru.paragraf.sferum.school.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Russian names to draw from: family names in both genders, given names of adults and children, patronymics. */
final class NamePool {

    /** A family name in its male and female forms. */
    record Surname(String male, String female) {

        String of(boolean isMale) {
            return isMale ? male : female;
        }
    }

    /** A man's given name and the patronymics it gives to his son and daughter. */
    record MaleName(String name, String sonsPatronymic, String daughtersPatronymic) {

        String patronymic(boolean ofSon) {
            return ofSon ? sonsPatronymic : daughtersPatronymic;
        }
    }

    private final List<Surname> surnames;
    private final List<MaleName> men = new ArrayList<>();
    private final List<MaleName> boys = new ArrayList<>();
    private final List<String> women = new ArrayList<>();
    private final List<String> girls = new ArrayList<>();

    private NamePool(List<Surname> surnames) {
        this.surnames = surnames;
    }

    static NamePool load() {
        var pool = new NamePool(ResourceLines.read("surnames.txt").stream()
                .map(fields -> new Surname(fields.get(0), fields.get(1)))
                .toList());
        for (var fields : ResourceLines.read("male-names.txt")) {
            var name = new MaleName(fields.get(0), fields.get(1), fields.get(2));
            addByAge(fields.get(3), name, pool.men, pool.boys);
        }
        for (var fields : ResourceLines.read("female-names.txt")) {
            addByAge(fields.get(1), fields.get(0), pool.women, pool.girls);
        }
        return pool;
    }

    private static <T> void addByAge(String bearers, T name, List<T> adults, List<T> children) {
        if (bearers.contains("A")) {
            adults.add(name);
        }
        if (bearers.contains("C")) {
            children.add(name);
        }
    }

    Surname surname(SplittableRandom random) {
        return pick(surnames, random);
    }

    MaleName man(SplittableRandom random) {
        return pick(men, random);
    }

    String boy(SplittableRandom random) {
        return pick(boys, random).name();
    }

    String woman(SplittableRandom random) {
        return pick(women, random);
    }

    String girl(SplittableRandom random) {
        return pick(girls, random);
    }

    /** A grown-up with a random family name and a patronymic from a random father. */
    PersonName adult(SplittableRandom random, boolean male) {
        var surname = surname(random).of(male);
        var first = male ? man(random).name() : woman(random);
        return new PersonName(surname, first, man(random).patronymic(male), male);
    }

    List<Surname> surnames() {
        return surnames;
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
