package ru.paragraf.sferum.linkbase;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;

/**
 * One Spring context for the link base's tests, against the VK emulator of {@link LinkbaseWorld}, with the fixture
 * schools; every test starts with an empty link base and a fresh emulator. The scheduled re-verification is off:
 * tests run it themselves.
 */
@SpringBootTest(
        properties = {
            "sferum.linkbase.recheck.enabled=false",
            "sferum.vk.read-timeout=2s",
            "sferum.vk.retry.initial-backoff=5ms",
            "sferum.vk.retry.max-backoff=20ms",
            "sferum.max.retry.initial-backoff=5ms",
            "sferum.max.retry.max-backoff=20ms"
        })
abstract class LinkbaseTestSupport {

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountRegistration accounts;

    @Autowired
    Clock clock;

    @Autowired
    UserDetailsService users;

    @Autowired
    SferumCommunities communities;

    MockMvcTester mvc;

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.api-url", LinkbaseWorld.emulator::baseUrl);
        registry.add("sferum.max.api-url", LinkbaseMaxWorld.emulator::baseUrl);
    }

    @BeforeEach
    void emptyLinkBase() {
        mvc = MockMvcTester.create(MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build());
        var fixture = jdbc.sql("select count(*) from school.organization where id = :id")
                .param("id", SchoolFixture.SCHOOL_A)
                .query(Integer.class)
                .single();
        if (fixture == 0) {
            SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        }
        jdbc.sql("delete from linkbase.sferum_community").update();
        communities.forgetAll(); // rows deleted behind their back
        jdbc.sql("delete from linkbase.handdown").update();
        jdbc.sql("delete from audit.entry where subject like 'sferum-community:%'")
                .update();
        LinkbaseWorld.reset();
        LinkbaseMaxWorld.reset();
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    static String html(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    String storedToken(UUID organization) {
        return jdbc.sql("select token from linkbase.sferum_community where organization_id = :id")
                .param("id", organization)
                .query(String.class)
                .single();
    }

    /** Every column of every link base table as text, to look for a token in plaintext. */
    String linkbaseTablesAsText() {
        return jdbc.sql(
                        """
                        select coalesce(string_agg(c::text, ' '), '') from linkbase.sferum_community c
                        union all select coalesce(string_agg(h::text, ' '), '') from linkbase.handdown h
                        union all select coalesce(string_agg(r::text, ' '), '') from linkbase.handdown_row r
                        union all select coalesce(string_agg(a::text, ' '), '') from audit.entry a
                        """)
                .query(String.class)
                .list()
                .toString();
    }
}
