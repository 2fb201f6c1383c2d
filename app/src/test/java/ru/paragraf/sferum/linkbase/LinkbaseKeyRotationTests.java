package ru.paragraf.sferum.linkbase;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.SchoolFixture.SCHOOL_A;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.paragraf.sferum.SferumApplication;
import ru.paragraf.sferum.TestDatabases;
import ru.paragraf.sferum.secrets.SecretBox;

/**
 * The key rotation of docs/operations.md on one database: add a new key and make it current, restart (the link
 * base's tokens are re-sealed with it), then remove the old key, restart, and the tokens still open.
 */
class LinkbaseKeyRotationTests {

    static final String OLD_KEY = "k2025=ESIzRFVmd4iZqrvM3e7/ABEiM0RVZneImaq7zN3u/wA=";
    static final String NEW_KEY = "k2026=/+7dzLuqmYh3ZlVEMyIRAP/u3cy7qpmId2ZVRDMiEQA=";

    @Test
    void reSealsTokensWithTheNewKeyAndOpensThemWithoutTheOldOne() {
        var url = TestDatabases.createDatabase("linkbase_rotation");
        var handdown = UUID.randomUUID();

        try (var before = start(url, "k2025", OLD_KEY)) {
            var jdbc = before.getBean(JdbcClient.class);
            var box = before.getBean(SecretBox.class);
            LinkbaseFixture.insert(jdbc, box);
            pendingPreviewRow(jdbc, box, handdown);
            assertThat(sealedTokens(jdbc)).allMatch(value -> value.startsWith("v1:k2025:"));
        }

        try (var rotated = start(url, "k2026", OLD_KEY, NEW_KEY)) {
            var jdbc = rotated.getBean(JdbcClient.class);
            assertThat(sealedTokens(jdbc)).hasSize(4).allMatch(value -> value.startsWith("v1:k2026:"));
            assertThat(opened(rotated)).isEqualTo(LinkbaseFixture.TOKEN_A);
        }

        try (var after = start(url, "k2026", NEW_KEY)) {
            assertThat(opened(after)).isEqualTo(LinkbaseFixture.TOKEN_A);
            var box = after.getBean(SecretBox.class);
            var row = after.getBean(JdbcClient.class)
                    .sql("select token from linkbase.handdown_row where handdown_id = :id")
                    .param("id", handdown)
                    .query(String.class)
                    .single();
            assertThat(box.open(row, HanddownRow.tokenContext(handdown, 2))).isEqualTo(LinkbaseFixture.TOKEN_B);
        }
    }

    private static String opened(ConfigurableApplicationContext application) {
        return application
                .getBean(SferumCommunities.class)
                .of(SCHOOL_A)
                .orElseThrow()
                .token()
                .value();
    }

    private static java.util.List<String> sealedTokens(JdbcClient jdbc) {
        return jdbc.sql(
                        """
                        select token from linkbase.sferum_community
                        union all select token from linkbase.handdown_row where token is not null""")
                .query(String.class)
                .list();
    }

    private static void pendingPreviewRow(JdbcClient jdbc, SecretBox box, UUID handdown) {
        jdbc.sql(
                        """
                        insert into linkbase.handdown (id, account_id, file_name, created_at, expires_at, status, heartbeat_at)
                        values (:id, :account, 'handdown.csv', now(), now() + interval '1 hour', 'READY', now())""")
                .param("id", handdown)
                .param("account", UUID.randomUUID())
                .update();
        jdbc.sql(
                        """
                        insert into linkbase.handdown_row (handdown_id, line, organization_code, community_id_text,
                                                           community_id, token, token_masked, outcome)
                        values (:id, 2, 'B-002', '227000012', 227000012, :token, 'vk1.a.****…b2b2', 'VERIFIED')""")
                .param("id", handdown)
                .param("token", box.seal(LinkbaseFixture.TOKEN_B, HanddownRow.tokenContext(handdown, 2)))
                .update();
    }

    /** The application in production mode on {@code url}, with these keys ({@code id=Base64}). */
    private static ConfigurableApplicationContext start(String url, String current, String... keys) {
        var properties = new java.util.ArrayList<String>(java.util.List.of(
                "spring.datasource.url=" + url,
                "spring.datasource.username=postgres",
                "spring.datasource.password=",
                "sferum.demo.enabled=false",
                "sferum.linkbase.recheck.enabled=false",
                "server.port=0",
                "spring.main.banner-mode=off",
                "sferum.secrets.current-key=" + current));
        for (var key : keys) {
            var parts = key.split("=", 2);
            properties.add("sferum.secrets.keys." + parts[0] + "=" + parts[1]);
        }
        // arguments, not default properties: they must win over the tests' config/application.properties, whose
        // own key "test" stays configured beside these and plays no part in the rotation
        return new SpringApplicationBuilder(SferumApplication.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }
}
