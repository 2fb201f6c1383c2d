package ru.paragraf.sferum.school.oneroster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassNameTests {

    @ParameterizedTest
    @ValueSource(strings = {"7А", "7 А", "7-А", "7 - А", "7а", " 7А ", "7 «А»", "7\"А\"", "7А класс", "7A"})
    void readsGradeAndLetterWrittenInTheUsualWays(String title) {
        assertThat(ClassName.parse(title, List.of())).contains(new ClassName(7, "А"));
    }

    @Test
    void readsTheLetterAloneWithTheGradeFromTheGradesColumn() {
        assertThat(ClassName.parse("Б", List.of("10"))).contains(new ClassName(10, "Б"));
        assertThat(ClassName.parse("Б", List.of("10", "11"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "Седьмой", "7АБ", "7F", "Алгебра 7А", "107А"})
    void recognisesNoClassInOtherTitles(String title) {
        assertThat(ClassName.parse(title, List.of())).isEmpty();
    }

    @Test
    void leavesTheRangeOfTheGradeToTheCaller() {
        assertThat(ClassName.parse("13Б", List.of()))
                .hasValueSatisfying(name -> assertThat(name.gradeIsValid()).isFalse());
        assertThat(ClassName.parse("11Б", List.of()))
                .hasValueSatisfying(name -> assertThat(name.gradeIsValid()).isTrue());
    }
}
