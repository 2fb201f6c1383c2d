package ru.paragraf.sferum.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static ru.paragraf.sferum.SchoolFixture.PASSWORD;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.exchange.ExchangeFixture;
import ru.paragraf.sferum.linkbase.LinkbaseFixture;
import ru.paragraf.sferum.secrets.SecretBox;

/**
 * What the access tests ask about, inserted once per context: schools A, B and C with their people and journals,
 * exchange tasks and runs, Sferum communities and hand-downs; and a browser session of each role's user.
 */
class AccessWorld {

    private final MockMvc mvc;
    private final Map<String, MockHttpSession> sessions = new ConcurrentHashMap<>();

    AccessWorld(MockMvc mvc, JdbcClient jdbc, AccountRegistration accounts, Clock clock, SecretBox box) {
        this.mvc = mvc;
        SchoolFixture.insert(jdbc, accounts, LocalDate.now(clock));
        FixtureIds.insertAccounts(jdbc, accounts);
        ExchangeFixture.insert(jdbc);
        LinkbaseFixture.insert(jdbc, box);
        FixtureIds.insertHanddowns(jdbc);
    }

    /** The session of {@code who} logged in through the login form, once. */
    MockHttpSession sessionOf(String who) {
        return sessions.computeIfAbsent(who, username -> {
            try {
                var result = mvc.perform(formLogin().user(username).password(PASSWORD))
                        .andReturn();
                assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
                return (MockHttpSession) result.getRequest().getSession(false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
