package ru.paragraf.sferum.fuzz;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import ru.paragraf.sferum.SchoolFixture;
import ru.paragraf.sferum.accounts.AccountRegistration;
import ru.paragraf.vkemulator.CommunityPermission;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * The one application every fuzz property talks to: production mode on a fresh database with schools A/B/C, the VK
 * emulator in-process (a community for school A, a VK ID client), and MockMvc with Spring Security. jqwik does not
 * run JUnit Jupiter's Spring extension, so the context comes from Spring's {@link TestContextManager} and its cache:
 * every fuzz class gets the same one.
 */
@SpringBootTest(
        properties = {
            "sferum.linkbase.recheck.enabled=false",
            "sferum.vk.read-timeout=2s",
            "sferum.vk.retry.initial-backoff=5ms",
            "sferum.vk.retry.max-backoff=20ms",
            "logging.level.ru.paragraf.sferum=WARN"
        })
final class FuzzWorld {

    static final long COMMUNITY_A = 227_100_011L;
    static final String TOKEN_A = "vk1.a.fuzz-school-a-Q3mZ8pK2xV7nR4tY1wB6cD9fG0hJ5kL2sA8e9f3c";
    static final String CLIENT_ID = "51900077";

    static final VkEmulator vk = VkEmulator.start(EmulatorConfig.builder()
            .seed(Seed.of(
                    List.of(Seed.Community.of(
                            COMMUNITY_A,
                            "ГБОУ школа № 622 — Сферум",
                            null,
                            Seed.Token.of(TOKEN_A, CommunityPermission.MESSAGES, CommunityPermission.MANAGE))),
                    List.of(Seed.User.of(700_200_001L, "Анна", "Смирнова", "anna@vk.test", "anna-vk-password")),
                    List.of(Seed.Client.of(CLIENT_ID, "http://localhost/diary/vkid/callback"))))
            .build());

    private static FuzzWorld world;

    final ApplicationContext context;
    final MockMvc mvc;
    final JdbcClient jdbc;
    private final UserDetailsService users;

    private FuzzWorld(ApplicationContext context) {
        this.context = context;
        this.mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                .apply(springSecurity())
                .build();
        this.jdbc = context.getBean(JdbcClient.class);
        this.users = context.getBean(UserDetailsService.class);
        SchoolFixture.insert(
                jdbc, context.getBean(AccountRegistration.class), LocalDate.now(context.getBean(Clock.class)));
    }

    @DynamicPropertySource
    static void vk(DynamicPropertyRegistry registry) {
        registry.add("sferum.vk.api-url", vk::baseUrl);
        registry.add("sferum.vk.id-url", vk::baseUrl);
        registry.add("sferum.vkid.client-id", () -> CLIENT_ID);
    }

    /** The shared world, started on first use. */
    static synchronized FuzzWorld get() {
        if (world == null) {
            var context =
                    new TestContextManager(FuzzWorld.class).getTestContext().getApplicationContext();
            world = new FuzzWorld(context);
        }
        return world;
    }

    /** Signed in as one of the fixture's accounts (without a password check on every request). */
    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
