package ru.paragraf.sferum.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat-members scenario works end to end at a tiny scale (two schools, one with parents in the chats), so that
 * the documented command keeps working: every phase converges with no error 6 and no member wrong in the emulator,
 * the moves remove and add people and renew links, and the member check finds and removes the planted strangers.
 * Its timings are not asserted.
 */
class MembersBenchmarkTests {

    @TempDir
    Path results;

    @Test
    void joinsMovesAndChecksTheMembersOfATinyCity() throws Exception {
        var settings = new MembersBenchmark.Settings(2, 0.5, 0.01, 3, Duration.ofMillis(5), 16, 4, 1, 600);

        var result = new MembersBenchmark(settings).run();
        var file = MembersReport.write(result, "test", results);

        assertThat(result.chats()).isPositive();
        assertThat(result.chatsReady().wrong())
                .as("the chats with their teachers, before anyone linked")
                .isZero();
        assertThat(result.pupilsLinked()).isPositive();
        assertThat(result.parentsLinked())
                .as("one school of two has parents in its chats")
                .isPositive();
        assertThat(result.phases()).hasSize(3).allSatisfy(phase -> {
            assertThat(phase.convergedSeconds()).as(phase.name()).isNotNull();
            assertThat(phase.error6()).as(phase.name()).isZero();
            assertThat(phase.check().chats()).as(phase.name()).isEqualTo(result.chats());
            assertThat(phase.check().wrong())
                    .as(phase.name() + ": " + phase.check())
                    .isZero();
        });
        var join = result.phases().get(0);
        assertThat(join.methods().get("messages.joinChatByInviteLink"))
                .as("one join per person who came into a chat")
                .isEqualTo(join.check().inChats() - result.chatsReady().inChats());
        var moves = result.phases().get(1);
        assertThat(result.moved().pupils()).isPositive();
        assertThat(moves.methods()).containsKeys("messages.removeChatUser", "messages.getInviteLink");
        assertThat(moves.operations()).containsKeys("REMOVE_MEMBER DONE", "RENEW_INVITE_LINK DONE");
        assertThat(result.holds())
                .as("the moves stay below the hold's threshold")
                .isZero();
        var check = result.phases().get(2);
        assertThat(check.methods().get("messages.getConversationMembers")).isGreaterThanOrEqualTo(result.chats());
        assertThat(result.strangers().planted()).isEqualTo(3);
        assertThat(result.strangers().listed()).isEqualTo(3);
        assertThat(result.strangers().removed()).isEqualTo(3);
        assertThat(result.strangers().stillIn()).isZero();
        assertThat(check.engineMillis()).isPositive();
        assertThat(Files.readString(file))
                .contains("time to converge", "**members wrong**", "VK requests per chat", "Strangers planted");
    }
}
