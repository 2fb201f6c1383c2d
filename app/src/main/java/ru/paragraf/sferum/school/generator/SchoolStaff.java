package ru.paragraf.sferum.school.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/** The staff of one school being generated: hires people into positions and finds who is free to teach. */
final class SchoolStaff {

    private static final int[] MOBILE_CODES = {904, 911, 921, 931, 950, 952, 981, 999};

    final List<PlannedTeacher> members = new ArrayList<>();
    private final GeneratorCatalog catalog;
    private final SplittableRandom random;
    private final LocalDate yearStart;
    private final String mailDomain;
    private final int maxLoad;

    SchoolStaff(GeneratorCatalog catalog, SplittableRandom random, LocalDate yearStart, int schoolNumber, int maxLoad) {
        this.catalog = catalog;
        this.random = random;
        this.yearStart = yearStart;
        this.mailDomain = "school" + schoolNumber + ".spb.ru";
        this.maxLoad = maxLoad;
    }

    int maxLoad() {
        return maxLoad;
    }

    PlannedTeacher hire(String positionKey) {
        var position = catalog.position(positionKey);
        boolean male = random.nextDouble() >= position.femaleShare();
        var name = catalog.names.adult(random, male);
        int age = 24 + random.nextInt(40);
        var birthDate = yearStart.minusYears(age).minusDays(random.nextInt(365));
        var hiredOn =
                yearStart.minusYears(random.nextInt(Math.min(age - 22, 35) + 1)).minusDays(random.nextInt(60));
        var teacher = new PlannedTeacher(
                Randoms.uuid(random), name, position, birthDate, hiredOn, phone(random), email(name));
        members.add(teacher);
        return teacher;
    }

    /** The least loaded holder of the position who is free in all the slots and has room for the hours. */
    @Nullable
    PlannedTeacher leastLoaded(String positionKey, long slots, int hours, @Nullable PlannedTeacher except) {
        PlannedTeacher best = null;
        for (var teacher : members) {
            if (teacher != except
                    && teacher.holds(positionKey)
                    && teacher.isFree(slots)
                    && teacher.load + hours <= maxLoad
                    && (best == null || teacher.load < best.load)) {
                best = teacher;
            }
        }
        return best;
    }

    /** Like {@link #leastLoaded}, but hires somebody new when nobody is free. */
    PlannedTeacher freeFor(String positionKey, long slots, int hours) {
        var teacher = leastLoaded(positionKey, slots, hours, null);
        return teacher != null ? teacher : hire(positionKey);
    }

    List<PlannedTeacher> holding(String positionKey) {
        return members.stream().filter(teacher -> teacher.holds(positionKey)).toList();
    }

    static String phone(SplittableRandom random) {
        int code = MOBILE_CODES[random.nextInt(MOBILE_CODES.length)];
        return "+7 (%d) %03d-%02d-%02d".formatted(code, random.nextInt(1000), random.nextInt(100), random.nextInt(100));
    }

    private String email(PersonName name) {
        var texts = catalog.texts;
        return (texts.latin(name.last()) + "." + texts.latin(name.first().substring(0, 1))
                        + texts.latin(name.middle().substring(0, 1)) + "@" + mailDomain)
                .toLowerCase(Locale.ROOT);
    }
}
