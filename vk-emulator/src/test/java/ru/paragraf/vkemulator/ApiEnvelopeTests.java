package ru.paragraf.vkemulator;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL;
import static ru.paragraf.vkemulator.Fixtures.SCHOOL_TOKEN;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiEnvelopeTests {

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
    void wrapsSuccessInResponse() {
        var answer = http.call("groups.getById", SCHOOL_TOKEN);

        assertThat(answer.has("error")).isFalse();
        assertThat(answer.path("response").path("groups").get(0).path("id").asLong())
                .isEqualTo(SCHOOL);
    }

    @Test
    void echoesRequestParamsWithoutTheAccessToken() {
        var response = http.post(
                "/method/calls.start",
                VkHttp.pairs("access_token", SCHOOL_TOKEN, "group_id", String.valueOf(SCHOOL), "v", "5.199"));

        assertThat(response.statusCode()).isEqualTo(200);
        var error = VkHttp.json(response).path("error");
        assertThat(error.path("error_code").asInt()).isEqualTo(27);
        assertThat(error.path("error_msg").asString())
                .isEqualTo("Group authorization failed: method is unavailable with group auth.");
        assertThat(keyValues(error.path("request_params")))
                .containsExactly("method=calls.start", "oauth=1", "group_id=" + SCHOOL, "v=5.199");
        assertThat(response.body()).doesNotContain(SCHOOL_TOKEN);
    }

    @Test
    void requiresVersion() {
        var answer = VkHttp.json(http.post("/method/groups.getById", VkHttp.pairs("access_token", SCHOOL_TOKEN)));

        assertThat(answer.path("error").path("error_code").asInt()).isEqualTo(8);
        assertThat(answer.path("error").path("error_msg").asString()).contains("v (version) is required");
    }

    @Test
    void answersUnknownMethodWithError3() {
        assertThat(http.errorCode("messages.doSomethingElse", SCHOOL_TOKEN)).isEqualTo(3);
        assertThat(emulator.stats().errorsOf("messages.doSomethingElse", 3)).isEqualTo(1);
    }

    @Test
    void rejectsJsonBodies() {
        var body = "{\"access_token\":\"" + SCHOOL_TOKEN + "\",\"v\":\"5.199\"}";

        var answer = VkHttp.json(http.post("/method/groups.getById?v=5.199", "application/json", body));

        assertThat(answer.path("error").path("error_code").asInt()).isEqualTo(8);
        assertThat(answer.path("error").path("error_msg").asString()).contains("application/json");
    }

    @Test
    void ignoresJsonBodiesWhenConfiguredLikeVkIsBelievedTo() {
        emulator.close();
        emulator = VkEmulator.start(Fixtures.config(new MutableClock())
                .jsonBodyPolicy(EmulatorConfig.JsonBodyPolicy.IGNORE_BODY)
                .build());
        http = new VkHttp(emulator);
        var body = "{\"access_token\":\"" + SCHOOL_TOKEN + "\"}";

        var answer = VkHttp.json(http.post("/method/groups.getById?v=5.199", "application/json", body));

        assertThat(answer.path("error").path("error_code").asInt()).isEqualTo(5);
    }

    @Test
    void acceptsGetQueryParameters() {
        var response = http.get("/method/groups.getById?access_token=" + SCHOOL_TOKEN + "&v=5.199");

        assertThat(VkHttp.json(response).path("response").path("groups").size()).isEqualTo(1);
    }

    @Test
    void answersClientsThatOfferAnHttp2Upgrade() throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        var request = HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "groups.getById"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("v=5.199&access_token=" + SCHOOL_TOKEN))
                .build();

        for (int i = 0; i < 2; i++) {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(VkHttp.json(response).path("response").path("groups").size())
                    .isEqualTo(1);
        }
    }

    @Test
    void acceptsBearerAuthorizationHeader() {
        var response = http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + "/method/groups.getById"))
                .header("Authorization", "Bearer " + SCHOOL_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("v=5.199")));

        assertThat(VkHttp.json(response)
                        .path("response")
                        .path("groups")
                        .get(0)
                        .path("id")
                        .asLong())
                .isEqualTo(SCHOOL);
    }

    @Test
    void acceptsMultipartForms() {
        var boundary = "----emulator-test-boundary";
        var body = part(boundary, "access_token", SCHOOL_TOKEN)
                + part(boundary, "v", "5.199")
                + part(boundary, "title", "Алгебра 7А")
                + "--" + boundary + "--\r\n";

        var response = http.post("/method/messages.createChat", "multipart/form-data; boundary=" + boundary, body);

        assertThat(VkHttp.json(response).path("response").path("chat_id").asLong())
                .isEqualTo(1);
        assertThat(emulator.chats().get(0).title()).isEqualTo("Алгебра 7А");
    }

    @Test
    void answersErrorsWithConfiguredHttpStatus() {
        emulator.close();
        emulator = VkEmulator.start(
                Fixtures.config(new MutableClock()).apiErrorHttpStatus(400).build());
        http = new VkHttp(emulator);

        var response = http.post("/method/users.get", VkHttp.pairs("v", "5.199"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(VkHttp.json(response).path("error").path("error_code").asInt())
                .isEqualTo(5);
    }

    @Test
    void countsCallsPerMethod() {
        http.call("users.get", SCHOOL_TOKEN);
        http.call("users.get", SCHOOL_TOKEN);
        http.call("users.get", null);

        assertThat(emulator.stats().callsOf("users.get")).isEqualTo(3);
        assertThat(emulator.stats().errorsOf("users.get", 5)).isEqualTo(1);
    }

    private static String part(String boundary, String name, String value) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    private static ArrayList<String> keyValues(JsonNode params) {
        var list = new ArrayList<String>();
        for (int i = 0; i < params.size(); i++) {
            list.add(params.get(i).path("key").asString() + "="
                    + params.get(i).path("value").asString());
        }
        return list;
    }
}
