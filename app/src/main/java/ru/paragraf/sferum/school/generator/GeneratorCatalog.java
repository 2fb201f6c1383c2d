package ru.paragraf.sferum.school.generator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the generator draws school life from: districts, kinds of schools, staff positions, the curriculum with its
 * weekly hours, extracurricular courses, clubs, electives and lesson topics. All texts come from UTF-8 resources.
 */
final class GeneratorCatalog {

    static final String PRIMARY = "PRIMARY";
    static final String ADDITIONAL = "ADDITIONAL";

    /** A district of St Petersburg; the genitive goes into school names. */
    record District(String code, String name, String genitive) {}

    /** A kind of school and the patterns of its full and short names. */
    record SchoolType(int weight, String fullName, String shortName) {

        String fullName(int number, String districtGenitive) {
            return fullName.replace("{number}", Integer.toString(number)).replace("{district}", districtGenitive);
        }

        String shortName(int number) {
            return shortName.replace("{number}", Integer.toString(number));
        }
    }

    /** A staff position; {@code femaleShare} of the people holding it are women. */
    record Position(String key, String title, double femaleShare) {}

    /** A subject of the curriculum as taught by one kind of teacher, with weekly hours in grades 1–11. */
    record CurriculumLine(String subject, String position, List<Integer> hours, boolean split) {

        int hours(int grade) {
            return hours.get(grade - 1);
        }
    }

    /** A course outside the curriculum: extracurricular, a club or an elective. */
    record Course(String title, Grades grades, int hours, String position, boolean mondayFirst) {}

    final NamePool names = NamePool.load();
    final GeneratorTexts texts = GeneratorTexts.load();
    final List<District> districts = ResourceLines.read("districts.txt").stream()
            .map(f -> new District(f.get(0), f.get(1), f.get(2)))
            .toList();
    final List<SchoolType> schoolTypes = ResourceLines.read("school-types.txt").stream()
            .map(f -> new SchoolType(Integer.parseInt(f.get(0)), f.get(1), f.get(2)))
            .toList();
    final List<CurriculumLine> curriculum = ResourceLines.read("curriculum.txt").stream()
            .map(f -> new CurriculumLine(
                    f.get(0), f.get(1), hours(f.get(2)), f.get(3).contains("split")))
            .toList();
    final List<Course> extracurricular = ResourceLines.read("extracurricular.txt").stream()
            .map(f -> new Course(
                    f.get(0),
                    Grades.parse(f.get(1)),
                    Integer.parseInt(f.get(2)),
                    "",
                    f.get(3).contains("monday-first")))
            .toList();
    final List<Course> clubs = ResourceLines.read("clubs.txt").stream()
            .map(f -> new Course(f.get(0), Grades.parse(f.get(1)), Integer.parseInt(f.get(2)), ADDITIONAL, false))
            .toList();
    final List<Course> electives = ResourceLines.read("electives.txt").stream()
            .map(f -> new Course(f.get(0), Grades.parse(f.get(1)), 1, f.get(2), false))
            .toList();
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private final Map<String, List<String>> topics = new LinkedHashMap<>();

    private GeneratorCatalog() {
        for (var f : ResourceLines.read("positions.txt")) {
            positions.put(f.get(0), new Position(f.get(0), f.get(1), Double.parseDouble(f.get(2))));
        }
        for (var f : ResourceLines.read("topics.txt")) {
            topics.computeIfAbsent(f.get(0), subject -> new ArrayList<>()).add(f.get(1));
        }
    }

    static GeneratorCatalog load() {
        return new GeneratorCatalog();
    }

    Position position(String key) {
        var position = positions.get(key);
        if (position == null) {
            throw new IllegalStateException("Unknown position key in the generator's resources: " + key);
        }
        return position;
    }

    List<String> topics(String subject) {
        return topics.getOrDefault(subject, List.of());
    }

    /** Every subject name the generator may use, in the order of the resources. */
    List<String> subjects() {
        var names = new LinkedHashSet<String>();
        curriculum.forEach(line -> names.add(line.subject()));
        extracurricular.forEach(course -> names.add(course.title()));
        clubs.forEach(course -> names.add(course.title()));
        electives.forEach(course -> names.add(course.title()));
        return List.copyOf(names);
    }

    SchoolType schoolType(SplittableRandom random) {
        int total = schoolTypes.stream().mapToInt(SchoolType::weight).sum();
        int pick = random.nextInt(total);
        for (var type : schoolTypes) {
            pick -= type.weight();
            if (pick < 0) {
                return type;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static List<Integer> hours(String columns) {
        var hours = new ArrayList<Integer>();
        for (var column : columns.trim().split("\\s+")) {
            hours.add(column.equals("-") ? 0 : Integer.parseInt(column));
        }
        if (hours.size() != 11) {
            throw new IllegalStateException("Curriculum hours need 11 columns: " + columns);
        }
        return List.copyOf(hours);
    }
}
