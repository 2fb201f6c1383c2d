package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first city operator of a new installation comes from {@code sferum.bootstrap.operator} at start, without SQL;
 * once a city operator exists the setting changes nothing, and settings that cannot work stop the start with a report.
 */
@SpringBootTest(
        properties = {
            "sferum.bootstrap.operator.username=" + FirstOperatorTests.USERNAME,
            "sferum.bootstrap.operator.password=" + FirstOperatorTests.PASSWORD
        })
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstOperatorTests {

    static final String USERNAME = "first-operator";
    static final String PASSWORD = "bootstrap-password-of-the-test";

    private final FirstOperator firstOperator;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    @Autowired
    FirstOperatorTests(FirstOperator firstOperator, JdbcClient jdbc, PasswordEncoder passwords) {
        this.firstOperator = firstOperator;
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Test
    @Order(1)
    void createsTheCityOperatorAtStartAndAuditsItWithoutThePassword(CapturedOutput output) {
        var account = jdbc.sql(
                        "select role, display_name, password_hash, enabled from accounts.user_account where username = ?")
                .param(USERNAME)
                .query((rs, row) -> new String[] {
                    rs.getString("role"),
                    rs.getString("display_name"),
                    rs.getString("password_hash"),
                    String.valueOf(rs.getBoolean("enabled"))
                })
                .single();
        assertThat(account[0]).isEqualTo("CITY_OPERATOR");
        assertThat(account[1]).isEqualTo("Оператор города");
        assertThat(account[2]).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
        assertThat(passwords.matches(PASSWORD, account[2])).isTrue();
        assertThat(account[3]).isEqualTo("true");

        var audit = jdbc.sql(
                        """
                        select actor_name || '|' || action || '|' || (details->>'username') || '|'
                               || (details->>'source') || '|' || details::text
                        from audit.entry where action = 'FIRST_OPERATOR_CREATED'""")
                .query(String.class)
                .list();
        assertThat(audit).singleElement().satisfies(entry -> assertThat(entry)
                .startsWith("system|FIRST_OPERATOR_CREATED|first-operator|sferum.bootstrap.operator|")
                .contains("startedBy")
                .doesNotContain(PASSWORD));
        assertThat(output.getAll())
                .contains("Created the first city operator 'first-operator' from sferum.bootstrap.operator")
                .doesNotContain(PASSWORD);
    }

    @Test
    @Order(2)
    void ignoresTheSettingOnceACityOperatorExistsAndNeverResetsAPassword(CapturedOutput output) {
        var before = hashOf(USERNAME);

        firstOperator.createIfNone(settings(USERNAME, "a-new-password-for-the-same-login"));
        firstOperator.createIfNone(settings("second-operator", "a-password-of-another-operator"));

        assertThat(hashOf(USERNAME)).isEqualTo(before);
        assertThat(passwords.matches(PASSWORD, before)).isTrue();
        assertThat(jdbc.sql("select count(*) from accounts.user_account where role = 'CITY_OPERATOR'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(output.getOut())
                .contains("A city operator exists already: sferum.bootstrap.operator (second-operator) is ignored, "
                        + "no account or password was changed")
                .doesNotContain("a-password-of-another-operator");
    }

    @Test
    @Order(3)
    void refusesSettingsThatCannotWorkWithAReport(@TempDir Path folder) throws Exception {
        assertThatThrownBy(() -> firstOperator.createIfNone(settings(USERNAME, null)))
                .isInstanceOf(FirstOperatorException.class)
                .hasMessageContaining("no password for the first city operator");
        assertThatThrownBy(() -> firstOperator.createIfNone(settings(" ", "long-enough-password")))
                .isInstanceOf(FirstOperatorException.class)
                .hasMessageContaining("SFERUM_BOOTSTRAP_OPERATOR_USERNAME");
        assertThatThrownBy(() -> firstOperator.createIfNone(settings(USERNAME, "too-short")))
                .isInstanceOf(FirstOperatorException.class)
                .hasMessage("The first city operator's password is shorter than 12 characters.")
                .hasMessageNotContaining("too-short");
        var file = Files.writeString(folder.resolve("password"), "from-a-secret-file\n");
        assertThatThrownBy(() -> firstOperator.createIfNone(
                        new BootstrapOperatorProperties(USERNAME, "long-enough-password", file, null)))
                .isInstanceOf(FirstOperatorException.class)
                .hasMessageContaining("Both");
        assertThatThrownBy(() -> firstOperator.createIfNone(
                        new BootstrapOperatorProperties(USERNAME, null, folder.resolve("missing"), null)))
                .isInstanceOf(FirstOperatorException.class)
                .hasMessageContaining("cannot be read");

        var report = new FirstOperatorFailureAnalyzer()
                .analyze(new IllegalStateException(
                        "Failed to execute ApplicationRunner", new FirstOperatorException("what", "fix")));
        assertThat(report.getDescription()).isEqualTo("what");
        assertThat(report.getAction()).isEqualTo("fix");
    }

    /** Last: it removes the city operator, as on a database where only other accounts exist. */
    @Test
    @Order(4)
    void takesThePasswordFromAFileAndRefusesALoginOfAnotherRole(@TempDir Path folder) throws Exception {
        jdbc.sql("delete from accounts.user_account where role = 'CITY_OPERATOR'")
                .update();
        jdbc.sql(
                        """
                        insert into accounts.user_account (id, username, password_hash, role, display_name, district_id)
                        values (:id, 'district', 'x', 'DISTRICT_OPERATOR', 'District', :district)""")
                .param("id", UUID.randomUUID())
                .param("district", UUID.randomUUID())
                .update();

        assertThatThrownBy(() -> firstOperator.createIfNone(settings("District", "long-enough-password")))
                .isInstanceOf(FirstOperatorException.class)
                .hasMessageContaining("is the login of an existing account that is not a city operator");

        var file = Files.writeString(folder.resolve("password"), "from-a-secret-file\n");
        firstOperator.createIfNone(new BootstrapOperatorProperties("from-file", null, file, "Иванова И. И."));
        assertThat(passwords.matches("from-a-secret-file", hashOf("from-file"))).isTrue();
        assertThat(jdbc.sql("select display_name from accounts.user_account where username = 'from-file'")
                        .query(String.class)
                        .single())
                .isEqualTo("Иванова И. И.");
    }

    private String hashOf(String username) {
        return jdbc.sql("select password_hash from accounts.user_account where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    private static BootstrapOperatorProperties settings(String username, String password) {
        return new BootstrapOperatorProperties(username, password, null, null);
    }
}
