package ru.paragraf.sferum.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Production mode (the tests' default: an external database URL and no {@code sferum.demo.enabled}): no demo
 * data, no demo logins, no Demo page. Shares its context with the other plain {@code @SpringBootTest}s.
 */
@SpringBootTest
class DemoModeOffTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsNothingAndCreatesNoLogins() {
        assertThat(context.getBeanNamesForType(DemoStartup.class)).isEmpty();
        assertThat(context.getBeanNamesForType(DemoCity.class)).isEmpty();
        // The context is shared with other tests that create their own accounts: look for demo logins only.
        assertThat(jdbc.sql("select count(*) from accounts.user_account where username in "
                                + "('admin1', 'teacher1-01', 'pupil1-0001', 'parent1-0001')")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from demo.demo_login")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void hasNoDemoPageAndNoLinksToIt() throws Exception {
        var mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .apply(springSecurity())
                .build();

        mvc.perform(get("/demo")).andExpect(status().isNotFound());
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/demo"))));
    }
}
