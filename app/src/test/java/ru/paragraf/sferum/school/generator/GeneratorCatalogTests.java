package ru.paragraf.sferum.school.generator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The generator's resources are complete and consistent with the bell schedule. */
class GeneratorCatalogTests {

    private final GeneratorCatalog catalog = GeneratorCatalog.load();

    @Test
    void hasTopicsForEverySubject() {
        assertThat(catalog.subjects()).hasSizeGreaterThan(40).allSatisfy(subject -> assertThat(catalog.topics(subject))
                .as(subject)
                .hasSizeGreaterThanOrEqualTo(3));
    }

    @Test
    void knowsTheEighteenDistrictsOfStPetersburg() {
        assertThat(catalog.districts)
                .hasSize(18)
                .extracting(GeneratorCatalog.District::name)
                .contains("Невский", "Кронштадтский", "Центральный");
    }

    @Test
    void fitsEveryGradesCurriculumIntoItsWeek() {
        for (int grade = 1; grade <= 11; grade++) {
            int finalGrade = grade;
            int curriculum = catalog.curriculum.stream()
                    .mapToInt(line -> line.hours(finalGrade))
                    .sum();
            int courses = catalog.extracurricular.stream()
                    .filter(course -> course.grades().contains(finalGrade))
                    .mapToInt(GeneratorCatalog.Course::hours)
                    .sum();
            assertThat(curriculum + 1)
                    .as("grade " + grade)
                    .isLessThanOrEqualTo(BellSchedule.DAYS * BellSchedule.lastCurriculumPeriod(grade));
            assertThat(curriculum + courses)
                    .as("grade " + grade)
                    .isLessThanOrEqualTo(BellSchedule.DAYS * BellSchedule.lastExtracurricularPeriod(grade));
        }
    }

    @Test
    void knowsEveryPositionTheCurriculumAndCoursesNeed() {
        catalog.curriculum.forEach(line -> catalog.position(line.position()));
        catalog.electives.forEach(course -> catalog.position(course.position()));
        assertThat(catalog.position(GeneratorCatalog.PRIMARY).title()).isEqualTo("Учитель начальных классов");
    }

    @Test
    void givesSonsAndDaughtersPatronymicsOfTheRightGender() {
        var random = new java.util.SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            var man = catalog.names.man(random);
            assertThat(man.patronymic(true)).endsWith("ич");
            assertThat(man.patronymic(false)).endsWith("на");
        }
    }

    @Test
    void spellsRussianNamesInLatinForMailAddresses() {
        assertThat(catalog.texts.latin("Щербакова")).isEqualTo("shcherbakova");
        assertThat(catalog.texts.latin("Соловьёв")).isEqualTo("solovev");
    }
}
