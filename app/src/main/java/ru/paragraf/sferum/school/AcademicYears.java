package ru.paragraf.sferum.school;

/** The academic year that pages show by default. */
final class AcademicYears {

    /** The year that contains today, or else the latest one; a sub-select yielding its id. */
    static final String CURRENT =
            """
            select y.id from school.academic_year y
            order by (current_date between y.starts_on and y.ends_on) desc, y.starts_on desc
            limit 1""";

    private AcademicYears() {}
}
