package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static ru.paragraf.sferum.SchoolFixture.*;
import static ru.paragraf.sferum.diary.VkIdTamperingTests.parameter;
import static ru.paragraf.sferum.diary.VkIdWorld.*;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.paragraf.sferum.school.PersonKind;

/**
 * Pupils and parents link their own VK ID in the diary's «Чаты» through the same OAuth 2.1 + PKCE flow as teachers,
 * against the VK emulator: the link is the person's (a parent's never the child's), one VK account links to one
 * person of whatever kind, and the diary data transfer writes it into {@code school.pupil} / {@code school.parent}.
 */
class PupilAndParentVkIdTests extends VkIdTestContext {

    @Autowired
    PersonVkAccess access;

    @Test
    void aPupilLinksTheirVkAccountAndTheTransferFillsThePupilsRecord() throws Exception {
        var pupil = logIn("pupilA");
        assertThat(page(pupil, "/diary/chats"))
                .contains("VK ID не привязан", "вы будете добавлены в чаты ваших предметов автоматически")
                .contains("Привязать к VK ID");

        var authorize = pressLink(pupil);
        assertThat(parameter(authorize, "code_challenge_method")).isEqualTo("S256");
        var callback = WORLD.logIn(authorize, ANNA_LOGIN, ANNA_PASSWORD);
        assertThat(arrive(pupil, callback).getRedirectedUrl()).isEqualTo("/diary/chats?vkid=linked");

        assertThat(page(pupil, "/diary/chats?vkid=linked"))
                .contains("VK ID привязан", String.valueOf(ANNA), "Отвязать")
                .contains("Вы будете добавлены в чаты ваших предметов автоматически")
                .doesNotContain(parameter(callback, "code"));
        var link = links.find(PUPIL_A).orElseThrow();
        assertThat(link.personKind()).isEqualTo(PersonKind.PUPIL);
        assertThat(link.organizationId()).isEqualTo(SCHOOL_A);
        assertThat(link.vkUserId()).isEqualTo(ANNA);
        assertThat(WORLD.userInfoStatus(secrets.accessToken(link))).isEqualTo(200);
        assertThat(lastAuditAction("pupil:" + PUPIL_A)).isEqualTo("VK_ID_LINKED");

        awaitTransfers();
        assertThat(sferumUserIdIn("school.pupil", PUPIL_A)).isEqualTo(ANNA);
        assertThat(count("school.employee where sferum_user_id is not null")).isZero();
        assertThat(count("school.parent where sferum_user_id is not null")).isZero();
    }

    @Test
    void aParentLinksTheirOwnAccountNotTheChosenChilds() throws Exception {
        var parent = logIn("parentA");
        assertThat(page(parent, "/diary/chats?child=" + PUPIL_A))
                .contains("VK ID не привязан", "вашу, а не ребёнка", "чаты предметов ваших детей");

        link(parent, BORIS_LOGIN, BORIS_PASSWORD);

        assertThat(links.find(PARENT_A).orElseThrow().personKind()).isEqualTo(PersonKind.PARENT);
        assertThat(links.find(PUPIL_A)).as("the child has no link").isEmpty();
        assertThat(page(parent, "/diary/chats?child=" + PUPIL_A)).contains("VK ID привязан", String.valueOf(BORIS));
        assertThat(page(logIn("pupilA"), "/diary/chats"))
                .as("the child's own card is unchanged")
                .contains("VK ID не привязан")
                .doesNotContain(String.valueOf(BORIS));
        assertThat(lastAuditAction("parent:" + PARENT_A)).isEqualTo("VK_ID_LINKED");
        awaitTransfers();
        assertThat(sferumUserIdIn("school.parent", PARENT_A)).isEqualTo(BORIS);
        assertThat(sferumUserIdIn("school.pupil", PUPIL_A)).isNull();
    }

    @Test
    void aVkAccountOfATeacherCannotBeLinkedByAPupilOrAParent() throws Exception {
        link(logIn("teacherA1"), ANNA_LOGIN, ANNA_PASSWORD);
        var before = footprint();

        for (var who : new String[] {"pupilA", "parentA"}) {
            var session = logIn(who);
            var response = arrive(session, WORLD.logIn(pressLink(session), ANNA_LOGIN, ANNA_PASSWORD));

            assertThat(response.getRedirectedUrl()).as(who).isEqualTo("/diary/vkid/failure?reason=ACCOUNT_TAKEN");
            assertThat(page(session, response.getRedirectedUrl()))
                    .as(who)
                    .contains("Не удалось привязать VK ID", "уже привязана на портале к другому человеку")
                    .contains("учителю, ученику или родителю", "Ничего не изменено");
        }

        assertThat(footprint()).isEqualTo(before);
        assertThat(links.find(PUPIL_A)).isEmpty();
        assertThat(links.find(PARENT_A)).isEmpty();
        assertThat(WORLD.userInfoStatus(
                        secrets.accessToken(links.find(TEACHER_A1).orElseThrow())))
                .as("the teacher's link still works")
                .isEqualTo(200);
    }

    @Test
    void aParentCannotTakeTheChildsVkAccountNorFinishTheChildsAuthorization() throws Exception {
        var pupil = logIn("pupilA");
        link(pupil, ANNA_LOGIN, ANNA_PASSWORD);
        var parent = logIn("parentA");

        var taken = arrive(parent, WORLD.logIn(pressLink(parent), ANNA_LOGIN, ANNA_PASSWORD));
        assertThat(taken.getRedirectedUrl()).isEqualTo("/diary/vkid/failure?reason=ACCOUNT_TAKEN");

        var childsCallback = WORLD.logIn(pressLink(pupil), BORIS_LOGIN, BORIS_PASSWORD);
        var foreign = arrive(parent, childsCallback);
        assertThat(foreign.getRedirectedUrl()).isEqualTo("/diary/vkid/failure?reason=FOREIGN_STATE");
        assertThat(links.find(PARENT_A)).isEmpty();
        assertThat(links.find(PUPIL_A).orElseThrow().vkUserId()).isEqualTo(ANNA);
    }

    @Test
    void aPupilUnlinksAfterConfirmingAndThePupilsRecordIsCleared() throws Exception {
        var pupil = logIn("pupilA");
        link(pupil, ANNA_LOGIN, ANNA_PASSWORD);
        awaitTransfers();
        var token = secrets.accessToken(links.find(PUPIL_A).orElseThrow());

        assertThat(page(pupil, "/diary/chats/unlink"))
                .contains("Отвязать VK ID?", String.valueOf(ANNA), "чаты ваших предметов", "Да, отвязать");
        var response = mvc.perform(post("/diary/vkid/unlink").session(pupil).with(csrf()))
                .andReturn()
                .getResponse();

        assertThat(response.getRedirectedUrl()).isEqualTo("/diary/chats?vkid=unlinked");
        assertThat(page(pupil, response.getRedirectedUrl())).contains("VK ID отвязан", "Привязать к VK ID");
        assertThat(links.find(PUPIL_A)).isEmpty();
        assertThat(WORLD.userInfoStatus(token))
                .as("VK rejects the revoked token")
                .isEqualTo(401);
        assertThat(lastAuditAction("pupil:" + PUPIL_A)).isEqualTo("VK_ID_UNLINKED");
        awaitTransfers();
        assertThat(sferumUserIdIn("school.pupil", PUPIL_A)).isNull();
    }

    @Test
    void aParentsTokenIsRefreshedAndARefusedOneAsksTheParentToLinkAgain() throws Exception {
        var parent = logIn("parentA");
        link(parent, BORIS_LOGIN, BORIS_PASSWORD);
        var first = access.accessFor(PARENT_A).granted().orElseThrow();
        assertThat(first.vkUserId()).isEqualTo(BORIS);

        passTime(Duration.ofMinutes(56));
        var refreshed = access.accessFor(PARENT_A).granted().orElseThrow();
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(WORLD.userInfoStatus(refreshed.accessToken())).isEqualTo(200);

        WORLD.revokeAtVk(refreshed.accessToken());
        assertThat(access.rejected(PARENT_A, refreshed.accessToken())).isEqualTo(new VkAccess.RelinkRequired(BORIS));
        assertThat(lastAuditAction("parent:" + PARENT_A)).isEqualTo("VK_ID_RELINK_REQUIRED");
        assertThat(page(parent, "/diary/chats"))
                .contains("Привязать заново", "доступ отозван или истёк", "чаты предметов ваших детей");
        awaitTransfers();
        assertThat(relinkRequiredIn("school.parent", PARENT_A)).isTrue();

        link(parent, BORIS_LOGIN, BORIS_PASSWORD);
        assertThat(access.accessFor(PARENT_A).granted())
                .as("linking again heals it")
                .isPresent();
        awaitTransfers();
        assertThat(relinkRequiredIn("school.parent", PARENT_A)).isFalse();
    }

    private String lastAuditAction(String subject) {
        return jdbc.sql("select action from audit.entry where subject = :subject order by id desc limit 1")
                .param("subject", subject)
                .query(String.class)
                .single();
    }

    private boolean relinkRequiredIn(String table, UUID person) {
        return jdbc.sql("select sferum_relink_required from " + table + " where id = :id")
                .param("id", person)
                .query(Boolean.class)
                .single();
    }

    private void passTime(Duration duration) {
        clock.advance(duration);
        WORLD.clock.advance(duration);
    }
}
