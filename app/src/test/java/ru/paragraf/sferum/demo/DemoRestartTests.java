package ru.paragraf.sferum.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.sferum.TestDatabases;

/**
 * Restarts the application on one database, as embedded mode does with its data folder: the demo city is loaded
 * by the first start only, every start in demo mode prints the logins, and a start in production mode does not.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoRestartTests {

    private static final String LOGINS_BLOCK = "admin1 / demo";

    @Test
    void loadsOnceAndPrintsTheLoginsAtEveryStartInDemoModeOnly(CapturedOutput output) {
        var url = TestDatabases.createDatabase("demo_restart");

        String first;
        try (var application = start(url, true)) {
            first = rowCounts(application);
        }
        assertThat(output.getOut()).contains("Loaded the demo city", LOGINS_BLOCK);

        int mark = output.getOut().length();
        try (var application = start(url, true)) {
            assertThat(rowCounts(application)).isEqualTo(first);
        }
        var secondStart = output.getOut().substring(mark);
        assertThat(secondStart).contains(LOGINS_BLOCK).doesNotContain("Loaded the demo city");

        mark = output.getOut().length();
        try (var application = start(url, false)) {
            assertThat(rowCounts(application)).isEqualTo(first);
        }
        assertThat(output.getOut().substring(mark)).doesNotContain(LOGINS_BLOCK);
    }

    private static ConfigurableApplicationContext start(String url, boolean demo) {
        return new SpringApplicationBuilder(SferumApplication.class)
                .properties(
                        "spring.datasource.url=" + url,
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=",
                        "sferum.demo.enabled=" + demo,
                        "server.port=0")
                .run();
    }

    private static String rowCounts(ConfigurableApplicationContext application) {
        return application
                .getBean(JdbcClient.class)
                .sql(
                        """
                        select (select count(*) from school.organization) || ' ' || (select count(*) from school.pupil)
                               || ' ' || (select count(*) from school.lesson) || ' '
                               || (select count(*) from accounts.user_account) || ' '
                               || (select count(*) from demo.demo_login)""")
                .query(String.class)
                .single();
    }
}
