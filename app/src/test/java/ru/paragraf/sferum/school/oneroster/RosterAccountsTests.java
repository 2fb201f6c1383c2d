package ru.paragraf.sferum.school.oneroster;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.school.oneroster.SchoolData.CITY;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.accounts.AccountAdministration;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.sferum.accounts.AccountScope;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.school.oneroster.ImportReport.Outcome;

/**
 * The OneRoster import gives the people it brings their accounts, in its own transaction, and follows their
 * changes: a username changed, a person who left a full package and came back, and every conflict of logins, each
 * with its Russian line in the report.
 */
@SpringBootTest
class RosterAccountsTests {

    private static final String T = "2026-08-20T10:00:00.000Z";

    @Autowired
    OneRosterImport imports;

    @Autowired
    AccountRegistration registration;

    @Autowired
    AccountAdministration administration;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void startsWithoutSchoolData() {
        SchoolData.clear(jdbc);
        jdbc.sql("delete from accounts.user_account where username in ('city-op', 'local-g2')")
                .update();
    }

    @Test
    void givesEveryPersonAnAccountWithoutPasswordTiedToTheirRecord() {
        var report = run(TestPackage.valid());

        assertThat(report.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(report.accounts().summary())
                .isEqualTo("Создано — 10, изменено — 0, без изменений — 0, отключено (людей нет в полном пакете) — 0, "
                        + "включено снова — 0.");
        assertThat(report.accounts().lines()).isEmpty();
        assertThat(jdbc.sql(
                                """
                                select a.username || ' ' || a.role || ' ' || a.display_name || ' '
                                       || (a.password_hash is null) || ' ' || a.enabled || ' '
                                       || (a.organization_id = o.id) || ' '
                                       || coalesce((select external_id from school.employee where id = a.employee_id),
                                                   (select external_id from school.pupil where id = a.pupil_id),
                                                   (select external_id from school.parent where id = a.parent_id))
                                from accounts.user_account a
                                join school.organization o on o.external_id = 's-101'
                                where a.source = 'ROSTER' order by a.username""")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "g1 PARENT Алексеев Сергей Николаевич true true true u-g1",
                        "g2 PARENT Григорьева Ольга true true true u-g2",
                        "ivanova TEACHER Иванова Мария Петровна true true true u-t1",
                        "p1 PUPIL Алексеева Анна Сергеевна true true true u-p1",
                        "p2 PUPIL Алексеев Борис Сергеевич true true true u-p2",
                        "p3 PUPIL Васильева Вера true true true u-p3",
                        "p4 PUPIL Григорьев Глеб Андреевич true true true u-p4",
                        "p5 PUPIL Дмитриева Дарья Олеговна true true true u-p5",
                        "petrov TEACHER Петров Олег Игоревич true true true u-t2",
                        "smirnova SCHOOL_ADMIN Смирнова Елена Викторовна true true true u-a1");

        var again = run(TestPackage.valid());
        assertThat(again.accounts().summary())
                .isEqualTo("Создано — 0, изменено — 0, без изменений — 10, отключено (людей нет в полном пакете) — 0, "
                        + "включено снова — 0.");
    }

    @Test
    void pupilLeftOutOfAFullPackageIsDisabledNeverDeletedAndEnabledWhenBack() {
        run(TestPackage.valid());

        var without = run(TestPackage.valid()
                .withoutRows("users.csv", "u-p5")
                .withoutRows("roles.csv", "r-p5")
                .withoutRows("enrollments.csv", "e-07", "e-14"));

        assertThat(without.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(without.accounts().summary()).contains("отключено (людей нет в полном пакете) — 1");
        assertThat(account("p5")).isEqualTo("false LEFT_ROSTER true");
        assertThat(account("p4")).isEqualTo("true null false");

        var back = run(TestPackage.valid());
        assertThat(back.accounts().summary()).contains("изменено — 1").contains("включено снова — 1");
        assertThat(account("p5")).isEqualTo("true null false");
    }

    @Test
    void anAccountAnAdministratorDisabledStaysDisabledWhenAnImportListsThePersonAgain() {
        run(TestPackage.valid());
        run(TestPackage.valid()
                .withoutRows("users.csv", "u-p5")
                .withoutRows("roles.csv", "r-p5")
                .withoutRows("enrollments.csv", "e-07", "e-14"));
        var school = jdbc.sql("select id from school.organization where external_id = 's-101'")
                .query(UUID.class)
                .single();
        var admin = new CurrentUser(
                accountId("smirnova"), "smirnova", "Смирнова Елена", Role.SCHOOL_ADMIN, null, school, null, null, null);

        administration.enable(admin, AccountScope.school(school), accountId("p5"));
        assertThat(account("p5")).isEqualTo("true null false");
        administration.disable(admin, AccountScope.school(school), accountId("p5"));
        assertThat(account("p5")).isEqualTo("false ADMINISTRATOR true");

        var back = run(TestPackage.valid());
        assertThat(back.accounts().summary()).contains("включено снова — 0");
        assertThat(account("p5")).as("the administrator's decision stands").isEqualTo("false ADMINISTRATOR true");
    }

    @Test
    void usernameChangedForTheSamePersonRenamesTheAccountAndKeepsTheOldLogin() {
        run(TestPackage.valid());
        var id = accountId("ivanova");

        var report = run(TestPackage.valid().replace("users.csv", ",ivanova,", ",m.ivanova,"));

        assertThat(report.accounts().lines())
                .containsExactly("Пользователь u-t1: логин изменён с «ivanova» на «m.ivanova»; прежний логин "
                        + "сохранён в истории учётной записи.");
        assertThat(accountId("m.ivanova")).isEqualTo(id);
        assertThat(jdbc.sql("select array_to_string(previous_usernames, ',') from accounts.user_account where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("ivanova");
    }

    @Test
    void twoPeopleSwappingUsernamesKeepTheirAccounts() {
        run(TestPackage.valid());
        var ivanova = accountId("ivanova");
        var petrov = accountId("petrov");

        var report = run(TestPackage.valid()
                .replace("users.csv", ",ivanova,", ",swap,")
                .replace("users.csv", ",petrov,", ",ivanova,")
                .replace("users.csv", ",swap,", ",petrov,"));

        assertThat(report.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(report.accounts().lines()).hasSize(2);
        assertThat(accountId("petrov")).isEqualTo(ivanova);
        assertThat(accountId("ivanova")).isEqualTo(petrov);
    }

    @Test
    void twoPeopleWithOneUsernameGetNeitherAndTheRestIsImported() {
        var report = run(TestPackage.valid().replace("users.csv", ",p2,", ",p1,"));

        assertThat(report.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(report.accounts().lines())
                .containsExactly(
                        "Пользователь u-p1: логин «p1» в пакете указан и у другого человека, поэтому его не получил "
                                + "никто. Учётная запись не создана; исправьте логин в «Параграфе» и загрузите данные "
                                + "ещё раз.",
                        "Пользователь u-p2: логин «p1» в пакете указан и у другого человека, поэтому его не получил "
                                + "никто. Учётная запись не создана; исправьте логин в «Параграфе» и загрузите данные "
                                + "ещё раз.");
        assertThat(report.accounts().summary()).startsWith("Создано — 8,");
        assertThat(SchoolData.counts(jdbc)).containsEntry("pupil", 5);
    }

    @Test
    void usernameOfAnotherPersonsAccountIsNotTakenAndTheHolderKeepsIt() {
        run(TestPackage.valid());

        var report = run(TestPackage.valid().replace("users.csv", ",p2,", ",p1,"));
        assertThat(report.accounts().lines()).hasSize(2).allSatisfy(line -> assertThat(line)
                .contains("поэтому его не получил никто"));
        assertThat(report.accounts().lines().get(0)).endsWith("Остаётся прежний логин «p1».");
        assertThat(report.accounts().lines().get(1)).endsWith("Остаётся прежний логин «p2».");

        registration.registerAllWithoutPassword(List.of(
                NewAccount.parent("local-g2", "Локальная учётная запись", UUID.randomUUID(), UUID.randomUUID())));
        var taken = run(TestPackage.valid().replace("users.csv", ",g2,", ",local-g2,"));
        assertThat(taken.accounts().lines())
                .containsExactly("Пользователь u-g2: логин «local-g2» уже принадлежит учётной записи другого "
                        + "человека. Остаётся прежний логин «g2».");
        assertThat(accountId("g2")).isNotNull();
    }

    @Test
    void operatorsUsernameTakenByARosterPersonGivesThatPersonNoAccount() {
        registration.register(NewAccount.cityOperator("city-op", "Оператор города"), "a-long-enough-password");

        var report = run(TestPackage.valid().replace("users.csv", ",smirnova,", ",City-Op,"));

        assertThat(report.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(report.accounts().lines())
                .containsExactly("Пользователь u-a1: логин «City-Op» принадлежит учётной записи оператора. Учётная "
                        + "запись не создана; исправьте логин в «Параграфе» и загрузите данные ещё раз.");
        assertThat(jdbc.sql("select role || ' ' || (password_hash is not null) from accounts.user_account "
                                + "where lower(username) = 'city-op'")
                        .query(String.class)
                        .single())
                .isEqualTo("CITY_OPERATOR true");
    }

    @Test
    void personInTwoSchoolsGetsOneAccountInTheSchoolOfThePrimaryRole() {
        var report = run(TestPackage.valid()
                .append("orgs.csv", "s-102," + "active," + T + ",Школа № 102,school,0102,d-test,ГБОУ СОШ № 102")
                .append("roles.csv", "r-t1b,active," + T + ",u-t1,secondary,teacher,,,s-102,"));

        assertThat(report.outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(report.accounts().lines())
                .containsExactly("Пользователь u-t1: роли в нескольких школах (2); учётная запись одна, в школе "
                        + "основной роли (roleType=primary).");
        assertThat(jdbc.sql(
                                """
                                select o.external_id from accounts.user_account a
                                join school.organization o on o.id = a.organization_id
                                where a.username = 'ivanova'""")
                        .query(String.class)
                        .single())
                .isEqualTo("s-101");
    }

    @Test
    void peopleWithoutALoginGetNoAccountAndALine() {
        var report = run(TestPackage.valid().replace("users.csv", ",g1,", ",,"));

        assertThat(report.accounts().lines())
                .containsExactly("У 1 чел. не заполнен столбец username в users.csv: учётные записи им не созданы.");
        assertThat(report.accounts().summary()).startsWith("Создано — 9,");
    }

    @Test
    void accountsRollBackWithTheWholeImport() {
        jdbc.sql(
                        """
                        create function accounts.fail_for_test() returns trigger language plpgsql
                        as $$ begin raise exception 'simulated failure'; end $$""")
                .update();
        jdbc.sql(
                        """
                        create trigger fail_for_test before insert on accounts.user_account
                        for each row execute function accounts.fail_for_test()""")
                .update();
        try {
            var report = run(TestPackage.valid());

            assertThat(report.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(SchoolData.counts(jdbc))
                    .allSatisfy((table, n) -> assertThat(n).isZero());
        } finally {
            jdbc.sql("drop function accounts.fail_for_test() cascade").update();
        }
        assertThat(jdbc.sql("select count(*) from accounts.user_account where source = 'ROSTER'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private String account(String username) {
        return jdbc.sql(
                        """
                        select enabled || ' ' || coalesce(disabled_reason, 'null') || ' ' || (disabled_at is not null)
                        from accounts.user_account where username = ?""")
                .param(username)
                .query(String.class)
                .single();
    }

    private UUID accountId(String username) {
        return jdbc.sql("select id from accounts.user_account where username = ?")
                .param(username)
                .query(UUID.class)
                .single();
    }

    private ImportReport run(TestPackage pkg) {
        var zip = pkg.zip();
        return imports.run(CITY, zip.length, new ByteArrayResource(zip));
    }
}
