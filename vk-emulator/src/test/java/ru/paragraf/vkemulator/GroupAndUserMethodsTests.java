package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.vkemulator.Fixtures.OTHER_SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.PUPIL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL_TOKEN;
import static ru.paragraf.vkemulator.Fixtures.TEACHER;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupAndUserMethodsTests {

    private VkEmulator emulator;
    private VkHttp http;

    @BeforeEach
    void start() {
        emulator = VkEmulator.start(Fixtures.config(new MutableClock()).build());
        http = new VkHttp(emulator);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void getByIdWithoutIdsAnswersTheTokensOwnCommunityIn5199Shape() {
        var response = http.ok("groups.getById", SCHOOL_TOKEN);

        assertThat(response.path("profiles").isArray()).isTrue();
        var group = response.path("groups").get(0);
        assertThat(group.path("id").asLong()).isEqualTo(SCHOOL);
        assertThat(group.path("name").asString()).isEqualTo("ГБОУ школа № 101");
        assertThat(group.path("screen_name").asString()).isEqualTo("school101");
        assertThat(group.path("is_closed").asInt()).isZero();
        assertThat(group.path("type").asString()).isEqualTo("group");
        assertThat(group.path("photo_200").asString()).startsWith("https://");
    }

    @Test
    void getByIdResolvesIdsAndScreenNames() {
        var response = http.ok("groups.getById", SCHOOL_TOKEN, "group_ids", OTHER_SCHOOL + ",school101");

        assertThat(response.path("groups").get(0).path("id").asLong()).isEqualTo(OTHER_SCHOOL);
        assertThat(response.path("groups").get(1).path("id").asLong()).isEqualTo(SCHOOL);
    }

    @Test
    void getByIdRefusesUnknownCommunity() {
        assertThat(http.errorCode("groups.getById", SCHOOL_TOKEN, "group_id", "999999"))
                .isEqualTo(100);
    }

    @Test
    void getByIdWithUserTokenNeedsIds() {
        var userToken = emulator.issueUserToken(TEACHER);

        assertThat(http.errorCode("groups.getById", userToken)).isEqualTo(100);
        assertThat(http.ok("groups.getById", userToken, "group_id", String.valueOf(SCHOOL))
                        .path("groups")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void getTokenPermissionsListsMaskAndNames() {
        var response = http.ok("groups.getTokenPermissions", SCHOOL_TOKEN);

        assertThat(response.path("mask").asInt()).isEqualTo(4096 + 262144);
        var permissions = response.path("permissions");
        assertThat(permissions.size()).isEqualTo(2);
        assertThat(permissions.get(0).path("name").asString()).isEqualTo("messages");
        assertThat(permissions.get(0).path("setting").asInt()).isEqualTo(4096);
        assertThat(permissions.get(1).path("name").asString()).isEqualTo("manage");
        assertThat(permissions.get(1).path("setting").asInt()).isEqualTo(262144);
    }

    @Test
    void usersGetAnswersTheTokensUserByDefault() {
        var userToken = emulator.issueUserToken(TEACHER);

        var user = http.ok("users.get", userToken).get(0);

        assertThat(user.path("id").asLong()).isEqualTo(TEACHER);
        assertThat(user.path("first_name").asString()).isEqualTo("Анна");
        assertThat(user.path("last_name").asString()).isEqualTo("Смирнова");
        assertThat(user.path("can_access_closed").asBoolean()).isTrue();
        assertThat(user.path("is_closed").asBoolean()).isFalse();
        assertThat(user.has("sex")).isFalse();
    }

    @Test
    void usersGetResolvesIdsAndFieldsAndSkipsUnknownIds() {
        var users = http.ok("users.get", SCHOOL_TOKEN, "user_ids", TEACHER + ",id" + PUPIL + ",1", "fields", "sex");

        assertThat(users.size()).isEqualTo(2);
        assertThat(users.get(1).path("id").asLong()).isEqualTo(PUPIL);
        assertThat(users.get(1).has("sex")).isTrue();
    }

    @Test
    void usersGetRefusesUnresolvableScreenName() {
        assertThat(http.errorCode("users.get", SCHOOL_TOKEN, "user_ids", "durov"))
                .isEqualTo(113);
    }
}
