package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.paragraf.sferum.SchoolFixture.*;
import static ru.paragraf.sferum.diary.VkIdTamperingTests.parameter;
import static ru.paragraf.sferum.diary.VkIdWorld.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import ru.paragraf.sferum.school.PersonKind;

/** A teacher links and unlinks a VK ID through the real flow against the VK emulator. */
@ExtendWith(OutputCaptureExtension.class)
class VkIdLinkingTests extends VkIdTestContext {

    @Test
    void linksTheTeachersVkAccountAndTransfersItToTheStaffFile() throws Exception {
        var teacher = logIn("teacherA1");
        assertThat(page(teacher, "/diary/chats")).contains("VK ID не привязан", "Привязать к VK ID");

        var authorize = pressLink(teacher);
        assertThat(parameter(authorize, "client_id")).isEqualTo(CLIENT_ID);
        assertThat(parameter(authorize, "redirect_uri")).isEqualTo(MOCK_CALLBACK);
        assertThat(parameter(authorize, "code_challenge_method")).isEqualTo("S256");
        assertThat(parameter(authorize, "state")).matches("[A-Za-z0-9_-]{32,}");
        assertThat(parameter(authorize, "code_challenge")).matches("[A-Za-z0-9_-]{43}");
        var callback = WORLD.logIn(authorize, ANNA_LOGIN, ANNA_PASSWORD);
        assertThat(arrive(teacher, callback).getRedirectedUrl()).isEqualTo("/diary/chats?vkid=linked");

        assertThat(page(teacher, "/diary/chats?vkid=linked"))
                .contains("VK ID привязан", String.valueOf(ANNA), "Отвязать")
                .doesNotContain(parameter(callback, "code"));
        var link = links.find(TEACHER_A1).orElseThrow();
        assertThat(link.vkUserId()).isEqualTo(ANNA);
        assertThat(link.organizationId()).isEqualTo(SCHOOL_A);
        assertThat(link.deviceId()).isEqualTo(parameter(callback, "device_id"));
        assertThat(WORLD.userInfoStatus(secrets.accessToken(link))).isEqualTo(200);
        assertThat(jdbc.sql("select action from audit.entry where subject = :subject order by id desc limit 1")
                        .param("subject", "employee:" + TEACHER_A1)
                        .query(String.class)
                        .single())
                .isEqualTo("VK_ID_LINKED");

        awaitTransfers();
        assertThat(sferumUserIdOf(TEACHER_A1)).isEqualTo(ANNA);
        var admin = logIn("adminA");
        assertThat(page(admin, "/staff/" + TEACHER_A1))
                .contains("Идентификатор учётной записи VK Сферум", String.valueOf(ANNA), "Привязан ");
    }

    @Test
    void keepsTheTokensSealedAtRest() throws Exception {
        link(logIn("teacherA1"), ANNA_LOGIN, ANNA_PASSWORD);
        var link = links.find(TEACHER_A1).orElseThrow();
        var access = secrets.accessToken(link);
        var refresh = secrets.refreshToken(link);

        var stored = jdbc.sql("select access_token || ' ' || refresh_token from diary.vk_link")
                .query(String.class)
                .single();

        assertThat(access).isNotBlank();
        assertThat(refresh).isNotBlank();
        assertThat(stored).startsWith("v1:test:").doesNotContain(access).doesNotContain(refresh);
        assertThat(jdbc.sql("select code_verifier from diary.vkid_authorization")
                        .query(String.class)
                        .list())
                .allSatisfy(verifier -> assertThat(verifier).startsWith("v1:test:"));
    }

    @Test
    void oneVkAccountLinksToOneTeacherAtMost() throws Exception {
        link(logIn("teacherA1"), ANNA_LOGIN, ANNA_PASSWORD);
        var before = footprint();

        var second = logIn("teacherA2");
        var callback = WORLD.logIn(pressLink(second), ANNA_LOGIN, ANNA_PASSWORD);
        var response = arrive(second, callback);

        assertThat(response.getRedirectedUrl()).isEqualTo("/diary/vkid/failure?reason=ACCOUNT_TAKEN");
        assertThat(page(second, response.getRedirectedUrl()))
                .contains("уже привязана на портале к другому человеку", "только к одному человеку");
        assertThat(footprint()).isEqualTo(before);
        assertThat(links.find(TEACHER_A2)).isEmpty();
        var first = links.find(TEACHER_A1).orElseThrow();
        assertThat(WORLD.userInfoStatus(secrets.accessToken(first)))
                .as("the first teacher's link still works")
                .isEqualTo(200);
    }

    @Test
    void unlinkingRevokesTheTokenAtVkAndClearsTheStaffFile() throws Exception {
        var teacher = logIn("teacherA1");
        link(teacher, ANNA_LOGIN, ANNA_PASSWORD);
        awaitTransfers();
        var token = secrets.accessToken(links.find(TEACHER_A1).orElseThrow());

        assertThat(page(teacher, "/diary/chats/unlink"))
                .contains("Отвязать VK ID?", String.valueOf(ANNA), "Да, отвязать");
        assertThat(links.find(TEACHER_A1))
                .as("the confirmation step changes nothing")
                .isPresent();
        var response = mvc.perform(post("/diary/vkid/unlink").session(teacher).with(csrf()))
                .andReturn()
                .getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/diary/chats?vkid=unlinked");
        assertThat(page(teacher, response.getRedirectedUrl())).contains("VK ID отвязан", "Привязать к VK ID");
        assertThat(links.find(TEACHER_A1)).isEmpty();
        assertThat(WORLD.userInfoStatus(token))
                .as("VK rejects the revoked token")
                .isEqualTo(401);
        assertThat(jdbc.sql("select action from audit.entry where subject = :subject order by id")
                        .param("subject", "employee:" + TEACHER_A1)
                        .query(String.class)
                        .list())
                .endsWith("VK_ID_LINKED", "VK_ID_UNLINKED");
        awaitTransfers();
        assertThat(sferumUserIdOf(TEACHER_A1)).isNull();
        assertThat(page(logIn("adminA"), "/staff/" + TEACHER_A1)).contains("не привязан");
    }

    @Test
    void unlinkingNeedsTheCsrfToken() throws Exception {
        var teacher = logIn("teacherA1");
        link(teacher, ANNA_LOGIN, ANNA_PASSWORD);

        var response = mvc.perform(post("/diary/vkid/unlink").session(teacher))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(links.find(TEACHER_A1)).isPresent();
    }

    @Test
    void startingNeedsTheCsrfToken() throws Exception {
        var response = mvc.perform(post("/diary/vkid/start").session(logIn("teacherA1")))
                .andReturn()
                .getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(count("diary.vkid_authorization")).isZero();
    }

    @Test
    void aTeacherCanLinkAnotherVkAccountInsteadOfTheFirst() throws Exception {
        var teacher = logIn("teacherA1");
        link(teacher, ANNA_LOGIN, ANNA_PASSWORD);
        var firstToken = secrets.accessToken(links.find(TEACHER_A1).orElseThrow());

        link(teacher, BORIS_LOGIN, BORIS_PASSWORD);

        assertThat(links.find(TEACHER_A1).orElseThrow().vkUserId()).isEqualTo(BORIS);
        assertThat(WORLD.userInfoStatus(firstToken))
                .as("the replaced link's token is revoked")
                .isEqualTo(401);
        awaitTransfers();
        assertThat(sferumUserIdOf(TEACHER_A1)).isEqualTo(BORIS);
    }

    @Test
    void keepsCodesVerifiersAndTokensOutOfTheLog(CapturedOutput output) throws Exception {
        var teacher = logIn("teacherA1");
        var callback = link(teacher, ANNA_LOGIN, ANNA_PASSWORD);
        var link = links.find(TEACHER_A1).orElseThrow();
        var pending = jdbc.sql("select state, code_verifier as sealed_verifier from diary.vkid_authorization")
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        var verifier = secrets.verifier(new PendingAuthorization(
                pending[0], TEACHER_A1, TEACHER_A1, PersonKind.EMPLOYEE, SCHOOL_A, pending[1], "", null, null, null));
        var access = secrets.accessToken(link);
        var refresh = secrets.refreshToken(link);
        mvc.perform(post("/diary/vkid/unlink").session(teacher).with(csrf()));
        awaitTransfers();

        assertThat(output.getAll())
                .contains("linked VK user " + ANNA)
                .doesNotContain(parameter(callback, "code"))
                .doesNotContain(verifier)
                .doesNotContain(access)
                .doesNotContain(refresh);
    }
}
