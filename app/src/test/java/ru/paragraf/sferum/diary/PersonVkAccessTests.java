package ru.paragraf.sferum.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.paragraf.sferum.SchoolFixture.*;
import static ru.paragraf.sferum.diary.VkIdWorld.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sync engine's access to a person's VK user token (here a teacher's; a parent's in {@link PupilAndParentVkIdTests}):
 * handed out, refreshed in time, or why not.
 */
class PersonVkAccessTests extends VkIdTestContext {

    @Autowired
    PersonVkAccess access;

    @Test
    void saysNotLinkedForATeacherWithoutLink() {
        assertThat(access.accessFor(TEACHER_A1)).isInstanceOf(VkAccess.NotLinked.class);
    }

    @Test
    void handsOutTheStoredTokenWhileItIsValid() throws Exception {
        link(logIn("teacherA1"), ANNA_LOGIN, ANNA_PASSWORD);
        var stored = secrets.accessToken(links.find(TEACHER_A1).orElseThrow());

        var granted = access.accessFor(TEACHER_A1).granted().orElseThrow();

        assertThat(granted.vkUserId()).isEqualTo(ANNA);
        assertThat(granted.accessToken()).isEqualTo(stored);
        assertThat(granted.toString()).doesNotContain(stored).contains("****");
    }

    @Test
    void refreshesAnExpiringTokenAndKeepsTheRotatedRefreshToken() throws Exception {
        link(logIn("teacherA1"), ANNA_LOGIN, ANNA_PASSWORD);
        var first = links.find(TEACHER_A1).orElseThrow();
        var firstRefresh = secrets.refreshToken(first);

        passTime(Duration.ofMinutes(56));
        var second = access.accessFor(TEACHER_A1).granted().orElseThrow();

        assertThat(second.accessToken()).isNotEqualTo(secrets.accessToken(first));
        assertThat(WORLD.userInfoStatus(second.accessToken())).isEqualTo(200);
        var rotated = links.find(TEACHER_A1).orElseThrow();
        assertThat(secrets.refreshToken(rotated))
                .as("VK rotated the refresh token")
                .isNotEqualTo(firstRefresh);
        assertThat(rotated.refreshedAt()).isNotNull();

        passTime(Duration.ofMinutes(70));
        var third = access.accessFor(TEACHER_A1).granted().orElseThrow();

        assertThat(third.accessToken()).isNotEqualTo(second.accessToken());
        assertThat(WORLD.userInfoStatus(third.accessToken())).isEqualTo(200);
        assertThat(links.find(TEACHER_A1).orElseThrow().relinkRequired()).isFalse();
    }

    @Test
    void refreshesOnceWhenManyNodesAskAtOnce() throws Exception {
        link(logIn("teacherA1"), ANNA_LOGIN, ANNA_PASSWORD);
        passTime(Duration.ofMinutes(58));
        var callers = new ArrayList<Callable<VkAccess>>();
        for (int i = 0; i < 8; i++) {
            callers.add(() -> access.accessFor(TEACHER_A1));
        }

        var executor = Executors.newFixedThreadPool(8);
        try {
            var tokens = new java.util.HashSet<String>();
            for (var result : executor.invokeAll(callers)) {
                tokens.add(result.get().granted().orElseThrow().accessToken());
            }
            assertThat(tokens).as("one refresh, one new token").hasSize(1);
        } finally {
            executor.shutdownNow();
        }
        assertThat(links.find(TEACHER_A1).orElseThrow().relinkRequired()).isFalse();
    }

    @Test
    void marksTheLinkForRelinkingWhenVkRejectsTheRefreshToken() throws Exception {
        var teacher = logIn("teacherA1");
        link(teacher, ANNA_LOGIN, ANNA_PASSWORD);
        var marksBefore = relinkAuditEntries();
        WORLD.revokeAtVk(secrets.accessToken(links.find(TEACHER_A1).orElseThrow()));
        passTime(Duration.ofMinutes(58));

        var result = access.accessFor(TEACHER_A1);

        assertThat(result).isEqualTo(new VkAccess.RelinkRequired(ANNA));
        var link = links.find(TEACHER_A1).orElseThrow();
        assertThat(link.relinkRequired()).as("marked, not deleted").isTrue();
        assertThat(access.accessFor(TEACHER_A1)).isEqualTo(new VkAccess.RelinkRequired(ANNA));
        assertThat(relinkAuditEntries()).as("audited once").isEqualTo(marksBefore + 1);
        assertThat(page(teacher, "/diary/chats")).contains("Привязать заново", "доступ отозван или истёк");

        link(teacher, ANNA_LOGIN, ANNA_PASSWORD);
        assertThat(access.accessFor(TEACHER_A1).granted())
                .as("linking again heals the link")
                .isPresent();
    }

    /** Audit entries are kept between tests of the shared context: tests count what they add. */
    private int relinkAuditEntries() {
        return count("audit.entry where action = 'VK_ID_RELINK_REQUIRED'");
    }

    private void passTime(Duration duration) {
        clock.advance(duration);
        WORLD.clock.advance(duration);
    }
}
