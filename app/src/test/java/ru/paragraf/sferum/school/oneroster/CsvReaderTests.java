package ru.paragraf.sferum.school.oneroster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CsvReaderTests {

    private final Problems problems = new Problems();

    @Test
    void numbersRowsByTheLineTheyStartOn() {
        var table = read("sourcedId,name\r\n1,\"two\nlines\"\n\n2,plain\n");

        assertThat(table).hasValueSatisfying(t -> assertThat(t.rows())
                .extracting(CsvRow::line, row -> row.get("sourcedId"))
                .containsExactly(tuple(2, "1"), tuple(5, "2")));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void toleratesAByteOrderMark() {
        assertThat(read("\uFEFFsourcedId,name\n1,x\n"))
                .hasValueSatisfying(t -> assertThat(t.header()).containsExactly("sourcedId", "name"));
    }

    @Test
    void reportsRowsWithTheWrongNumberOfFieldsAndKeepsTheOthers() {
        var table = read("sourcedId,name\n1,x\n2\n3,z,extra\n");

        assertThat(table).hasValueSatisfying(t -> assertThat(t.rows()).hasSize(1));
        assertThat(problems.list())
                .extracting(Problem::line, Problem::code, Problem::args)
                .containsExactly(tuple(3, "fieldCount", List.of(1, 2)), tuple(4, "fieldCount", List.of(3, 2)));
    }

    @Test
    void reportsBrokenQuotingAtTheLineOfTheRow() {
        assertThat(read("sourcedId,name\n1,x\n2,\"open\n")).isEmpty();
        assertThat(problems.list()).extracting(Problem::line, Problem::code).containsExactly(tuple(3, "csvSyntax"));
    }

    @Test
    void reportsAFileWithNulCharacters() {
        // found by the fuzz suite: a NUL in a name reached PostgreSQL and the import answered HTTP 500
        var bytes = "sourcedId,name\n1,\u0000\u0428\u043a\u043e\u043b\u0430\n".getBytes(StandardCharsets.UTF_8);

        assertThat(CsvReader.read("orgs.csv", bytes, List.of(), column -> true, problems))
                .isEmpty();
        assertThat(problems.list()).extracting(Problem::code).containsExactly("binary");
    }

    @Test
    void reportsAFileThatIsNotUtf8() {
        var bytes = "sourcedId,name\n1,\u0428\u043a\u043e\u043b\u0430\n".getBytes(Charset.forName("windows-1251"));

        assertThat(CsvReader.read("orgs.csv", bytes, List.of(), column -> true, problems))
                .isEmpty();
        assertThat(problems.list()).extracting(Problem::code).containsExactly("notUtf8");
    }

    @Test
    void reportsEveryBadColumnOfTheHeader() {
        assertThat(read("sourcedId,name,name,colour,metadata.colour\n", List.of("sourcedId", "name", "type")))
                .isEmpty();
        assertThat(problems.list())
                .extracting(Problem::column, Problem::code)
                .containsExactly(
                        tuple("name", "duplicateColumn"),
                        tuple("colour", "unknownColumn"),
                        tuple("type", "missingColumn"));
    }

    @Test
    void recognisesSemicolonsAsTheSeparatorExcelUsesInRussia() {
        assertThat(read("sourcedId;name\n1;x\n")).isEmpty();
        assertThat(problems.list()).extracting(Problem::code).containsExactly("semicolons");
    }

    private Optional<CsvTable> read(String text) {
        return read(text, List.of("sourcedId", "name"));
    }

    private Optional<CsvTable> read(String text, List<String> required) {
        return CsvReader.read(
                "orgs.csv", text.getBytes(StandardCharsets.UTF_8), required, OneRosterFile.ORGS::knows, problems);
    }
}
