package ru.paragraf.sferum.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * VK ID's callback (/diary/vkid/callback?code&state&device_id&type…): forged, replayed and garbled parameters, with
 * or without an authorization really started, by a teacher, a pupil or a parent, end on the Russian failure page and
 * link nothing.
 */
class VkIdCallbackFuzzTests {

    static final String[] TABLES = {
        "diary.vk_link",
        "select id, sferum_user_id from school.employee",
        "select id, sferum_user_id from school.pupil",
        "select id, sferum_user_id from school.parent",
        "audit.entry"
    };

    final FuzzWorld world = FuzzWorld.get();

    @Property(tries = 800)
    void forgedCallbacksLinkNothing(
            @ForAll("diaryPeople") String who,
            @ForAll("started") boolean started,
            @ForAll("values") String code,
            @ForAll("values") String state,
            @ForAll("values") String deviceId,
            @ForAll("values") String type,
            @ForAll("errors") String error) {
        var property = "GET /diary/vkid/callback";
        var before = Tables.snapshot(world.jdbc, TABLES);
        var realState = started ? startedState(who) : null;
        var request = get("/diary/vkid/callback").with(world.as(who));
        for (var parameter : Map.of(
                        "code", code,
                        "state", realState != null ? realState : state,
                        "device_id", deviceId,
                        "type", type,
                        "error", error)
                .entrySet()) {
            if (!parameter.getValue().equals("\u0000absent")) {
                request.param(parameter.getKey(), parameter.getValue());
            }
        }

        var answer =
                Requests.send(world.mvc, property, request).hasNoServerError().showsNoInternals();

        assertThat(answer.location()).as("%s", answer).startsWith("/diary/vkid/failure?reason=");
        var failure = Requests.send(
                        world.mvc,
                        "GET /diary/vkid/failure",
                        get(answer.location()).with(world.as(who)))
                .hasNoServerError()
                .showsNoInternals();
        assertThat(failure.status()).isEqualTo(200);
        assertThat(failure.body()).containsPattern("\\p{IsCyrillic}{5,}");
        Tables.assertUnchangedAfterRefusal(property, world.jdbc, before, TABLES);
    }

    @Property(tries = 200)
    void tamperedFailureReasonsStillShowAPage(@ForAll("values") String reason) {
        var property = "GET /diary/vkid/failure?reason";
        var answer = Requests.send(
                        world.mvc,
                        property,
                        get("/diary/vkid/failure").param("reason", reason).with(world.as("teacherA1")))
                .hasNoServerError()
                .showsNoInternals()
                .escapes(reason);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).containsPattern("\\p{IsCyrillic}{5,}");
        FuzzFigures.refused(property);
    }

    @AfterContainer
    static void report() {
        FuzzFigures.write();
    }

    private String startedState(String who) {
        var answer = Requests.send(
                        world.mvc,
                        "POST /diary/vkid/start",
                        post("/diary/vkid/start").with(world.as(who)).with(csrf()))
                .hasNoServerError();
        return UriComponentsBuilder.fromUriString(answer.location())
                .build()
                .getQueryParams()
                .getFirst("state");
    }

    /** Everyone who links a VK ID in the diary: a teacher, a pupil, a parent. */
    @Provide
    Arbitrary<String> diaryPeople() {
        return Arbitraries.of("teacherA1", "pupilA", "parentA");
    }

    @Provide
    Arbitrary<Boolean> started() {
        return Arbitraries.frequency(net.jqwik.api.Tuple.of(1, true), net.jqwik.api.Tuple.of(4, false));
    }

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, Arbitraries.just("\u0000absent")),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .numeric()
                                .ofMinLength(16)
                                .ofMaxLength(64)),
                net.jqwik.api.Tuple.of(4, Hostile.text()));
    }

    @Provide
    Arbitrary<String> errors() {
        return Arbitraries.oneOf(
                Arbitraries.just("\u0000absent"),
                Arbitraries.just("\u0000absent"),
                Arbitraries.of("access_denied", "invalid_request", "server_error"),
                Hostile.text());
    }
}
