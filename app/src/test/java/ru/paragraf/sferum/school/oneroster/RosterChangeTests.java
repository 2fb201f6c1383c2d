package ru.paragraf.sferum.school.oneroster;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.school.RosterChanged.Reason.PARENT_UNLINKED;
import static ru.paragraf.sferum.school.RosterChanged.Reason.PUPIL_JOINED;
import static ru.paragraf.sferum.school.RosterChanged.Reason.PUPIL_LEFT;
import static ru.paragraf.sferum.school.RosterChanged.Reason.PUPIL_MOVED;
import static ru.paragraf.sferum.school.RosterChanged.Reason.TEACHER_CHANGED;
import static ru.paragraf.sferum.school.oneroster.SchoolData.CITY;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import ru.paragraf.sferum.school.RosterChanged;
import ru.paragraf.sferum.school.oneroster.ImportReport.Outcome;

/**
 * An import tells which subject chats' members it changed: one {@link RosterChanged} per school, listing the journals
 * (with «Чат по предмету» on) whose pupils, parents or teachers differ after it, and why.
 *
 * <p>The school of the test package, with a second English group: 7А (Алексеева, Алексеев, Васильева) and 7Б
 * (Григорьев, Дмитриева); Алгебра 7А and 7Б are their classes' journals, Английский язык 7А has group 1 (Алексеева,
 * Алексеев) and group 2 (Васильева); Робототехника (additional education, no chat) has Васильева and Григорьев.
 */
@SpringBootTest
@RecordApplicationEvents
class RosterChangeTests {

    private static final String T = "2026-08-20T10:00:00.000Z";

    @Autowired
    OneRosterImport imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private UUID school;

    @BeforeEach
    void aSchoolWhoseGeneralJournalsHaveChats() {
        SchoolData.clear(jdbc);
        assertThat(run(school()).outcome()).isEqualTo(Outcome.APPLIED);
        jdbc.sql("update school.journal set subject_chat_requested = true where kind = 'GENERAL_EDUCATION'")
                .update();
        school = SchoolData.organization(jdbc, "s-101");
        events.clear();
    }

    @Test
    void aPupilMovedToAnotherClassChangesTheChatsOfTheOldAndTheNewClass() {
        var report = run(school().replace("enrollments.csv", "e-05,active," + T + ",k-7a", "e-05,active," + T + ",k-7b")
                .replace("enrollments.csv", "e-11,active," + T + ",j-alg-7a", "e-11,active," + T + ",j-alg-7b"));

        assertThat(className("u-p3")).isEqualTo("7Б");
        assertThat(published()).containsExactly(change(Set.of(journal("j-alg-7a"), journal("j-alg-7b")), PUPIL_MOVED));
        assertThat(report.rosterChanges())
                .extracting(ImportReport.RosterChange::text)
                .containsExactly("ГБОУ СОШ № 101: журналов с изменившимся составом чата — 2");
    }

    @Test
    void aPupilMovedToAnotherStudyGroupChangesTheChatsOfBothGroups() {
        run(school().replace("enrollments.csv", "e-17,active," + T + ",j-eng-7a1", "e-17,active," + T + ",j-eng-7a2"));

        assertThat(published())
                .containsExactly(change(Set.of(journal("j-eng-7a1"), journal("j-eng-7a2")), PUPIL_MOVED));
    }

    @Test
    void aPupilMissingFromAFullPackageLeavesClassAndGroupsAndIsKept() {
        var report = run(school().withoutRows("users.csv", "u-p1")
                .withoutRows("roles.csv", "r-p1")
                .withoutRows("enrollments.csv", "e-03", "e-09", "e-16")
                .replace("users.csv", "\"u-p1,u-p2\"", "u-p2"));

        assertThat(jdbc.sql(
                                """
                                select p.class_unit_id is null as unclassed,
                                       (select count(*) from school.study_group_member m where m.pupil_id = p.id) as groups
                                from school.pupil p where p.external_id = 'u-p1'""")
                        .query((rs, n) -> rs.getBoolean(1) + " " + rs.getInt(2))
                        .single())
                .isEqualTo("true 0");
        assertThat(published()).containsExactly(change(Set.of(journal("j-alg-7a"), journal("j-eng-7a1")), PUPIL_LEFT));
        assertThat(report.rosterChanges()).singleElement().satisfies(line -> {
            assertThat(line.pupilsLeft()).isEqualTo(1);
            assertThat(line.text())
                    .isEqualTo("ГБОУ СОШ № 101: журналов с изменившимся составом чата — 2;"
                            + " выбыли из классов и групп (их нет в полном пакете) — 1");
        });
    }

    @Test
    void aPupilMissingFromADeltaPackageStaysWhereTheyAre() {
        var delta = TestPackage.headersOnly()
                .replace("manifest.csv", "file.users,bulk", "file.users,delta")
                .replace("manifest.csv", "file.enrollments,bulk", "file.enrollments,delta")
                .append(
                        "orgs.csv",
                        TestPackage.valid()
                                .content("orgs.csv")
                                .lines()
                                .filter(line -> line.startsWith("s-101,"))
                                .findFirst()
                                .orElseThrow());

        var report = run(delta);

        assertThat(report.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(className("u-p1")).isEqualTo("7А");
        assertThat(published()).isEmpty();
        assertThat(report.rosterChanges())
                .extracting(ImportReport.RosterChange::text)
                .containsExactly("ГБОУ СОШ № 101: журналов с изменившимся составом чата — 0");
    }

    @Test
    void aNewPupilJoinsTheChatsOfTheirClass() {
        run(school().append("users.csv", "u-p6,active," + T + ",true,p6,,Елена,Егорова,,,,,,,07,,")
                .append("roles.csv", "r-p6,active," + T + ",u-p6,primary,student,,,s-101,")
                .append("enrollments.csv", "e-50,active," + T + ",k-7b,s-101,u-p6,student,false,,")
                .append("enrollments.csv", "e-51,active," + T + ",j-alg-7b,s-101,u-p6,student,false,,"));

        assertThat(published()).containsExactly(change(Set.of(journal("j-alg-7b")), PUPIL_JOINED));
    }

    @Test
    void aParentUnlinkedFromTheirChildChangesTheChildsChatsWhereParentsAreInChats() {
        parentsInChats(true);

        run(withoutParentOfGrigoriev());

        assertThat(published()).containsExactly(change(Set.of(journal("j-alg-7b")), PARENT_UNLINKED));
    }

    @Test
    void aParentUnlinkedChangesNoChatWhereParentsStayOut() {
        parentsInChats(false);

        run(withoutParentOfGrigoriev());

        assertThat(jdbc.sql("select count(*) from school.pupil_parent")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        assertThat(published()).isEmpty();
    }

    @Test
    void aTeacherReplacedOrAddedChangesTheJournalsChatButNotAJournalWithoutOne() {
        run(school().replace("enrollments.csv", "j-alg-7b,s-101,u-t1", "j-alg-7b,s-101,u-t2")
                .replace("enrollments.csv", "j-rob,s-101,u-t2", "j-rob,s-101,u-t1")
                .append("enrollments.csv", "e-52,active," + T + ",j-eng-7a1,s-101,u-t1,teacher,false,,"));

        assertThat(published())
                .containsExactly(change(Set.of(journal("j-alg-7b"), journal("j-eng-7a1")), TEACHER_CHANGED));
    }

    @Test
    void aRepeatedImportChangesNoChat() {
        var report = run(school());

        assertThat(published()).isEmpty();
        assertThat(report.rosterChanges())
                .extracting(ImportReport.RosterChange::journals)
                .containsExactly(0);
    }

    /** Ольга Григорьева is no longer Глеб Григорьев's parent (the link was listed on both sides). */
    private static TestPackage withoutParentOfGrigoriev() {
        return school().replace("users.csv", ",,u-g2,07,", ",,,07,")
                .replace("users.csv", "olga@example.test,,,u-p4,", "olga@example.test,,,,");
    }

    /** The test package with group 2 of English 7А (Васильева), taught by Петров. */
    private static TestPackage school() {
        return TestPackage.valid()
                .append(
                        "classes.csv",
                        "j-eng-7a2,active," + T
                                + ",Английский язык 7А (2 группа),07,c-eng,,scheduled,,s-101,y-2027,,,,")
                .append("enrollments.csv", "e-40,active," + T + ",j-eng-7a2,s-101,u-t2,teacher,true,,")
                .append("enrollments.csv", "e-41,active," + T + ",j-eng-7a2,s-101,u-p3,student,false,,");
    }

    private ImportReport run(TestPackage pkg) {
        var zip = pkg.zip();
        var report = imports.run(CITY, zip.length, new ByteArrayResource(zip));
        assertThat(report.problems()).isEmpty();
        return report;
    }

    private java.util.List<RosterChanged> published() {
        return events.stream(RosterChanged.class).toList();
    }

    private RosterChanged change(Set<UUID> journals, RosterChanged.Reason... reasons) {
        return new RosterChanged(school, journals, Set.of(reasons));
    }

    private void parentsInChats(boolean on) {
        jdbc.sql(
                        """
                        insert into school.chat_policy (organization_id, parents_in_chats, updated_at)
                        values (:school, :on, now())""")
                .param("school", school)
                .param("on", on)
                .update();
    }

    private UUID journal(String sourcedId) {
        return jdbc.sql("select id from school.journal where external_id = :id")
                .param("id", sourcedId)
                .query(UUID.class)
                .single();
    }

    private String className(String pupil) {
        return jdbc.sql(
                        """
                        select c.grade || c.letter from school.pupil p join school.class_unit c on c.id = p.class_unit_id
                        where p.external_id = :id""")
                .param("id", pupil)
                .query(String.class)
                .single();
    }
}
