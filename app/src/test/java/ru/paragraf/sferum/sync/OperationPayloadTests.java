package ru.paragraf.sferum.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import ru.paragraf.sferum.sync.messenger.Capabilities;
import tools.jackson.databind.json.JsonMapper;

/** The queue's payloads are read in every version a row may still be open in, and kinds need what they use. */
class OperationPayloadTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final UUID ORGANIZATION = UUID.randomUUID(), JOURNAL = UUID.randomUUID(), YEAR = UUID.randomUUID();
    static final UUID PERSON = UUID.randomUUID();
    static final ChatKey CHAT = new ChatKey(ORGANIZATION, JOURNAL, YEAR);

    @Test
    void anAddedMemberOfVersionOneIsATeacher() {
        var payload = JSON.readTree(
                """
                {"v": 1, "journal": "%s", "year": "%s", "employee": "%s", "vkUser": 700300001}"""
                        .formatted(JOURNAL, YEAR, PERSON));

        assertThat(OperationPayload.decode(OperationKind.ADD_MEMBER, ORGANIZATION, payload))
                .isEqualTo(new Action.AddMember(CHAT, PERSON, MemberRole.TEACHER, 700300001L));
    }

    @Test
    void aRowWithoutVersionIsVersionOne() {
        var payload = JSON.readTree(
                """
                {"journal": "%s", "year": "%s", "employee": "%s", "vkUser": 700300001}"""
                        .formatted(JOURNAL, YEAR, PERSON));

        assertThat(OperationPayload.decode(OperationKind.ADD_MEMBER, ORGANIZATION, payload))
                .isEqualTo(new Action.AddMember(CHAT, PERSON, MemberRole.TEACHER, 700300001L));
    }

    @Test
    void anAddedMemberOfVersionTwoIsAPersonInARole() {
        var payload = JSON.readTree(
                """
                {"v": 2, "journal": "%s", "year": "%s", "person": "%s", "role": "PARENT", "vkUser": 700400004}"""
                        .formatted(JOURNAL, YEAR, PERSON));

        assertThat(OperationPayload.decode(OperationKind.ADD_MEMBER, ORGANIZATION, payload))
                .isEqualTo(new Action.AddMember(CHAT, PERSON, MemberRole.PARENT, 700400004L));
    }

    @Test
    void aRenewalIsAboutTheChat() {
        var payload =
                JSON.readTree("""
                {"v": 2, "journal": "%s", "year": "%s"}""".formatted(JOURNAL, YEAR));

        assertThat(OperationPayload.decode(OperationKind.RENEW_INVITE_LINK, ORGANIZATION, payload))
                .isEqualTo(new Action.RenewInviteLink(CHAT));
    }

    @Test
    void anArchiveIsAboutTheChatWithItsNewTitleAndYear() {
        var payload = JSON.readTree(
                """
                {"v": 2, "journal": "%s", "year": "%s", "title": "Алгебра 7А · 2025/2026", "yearTitle": "2025/2026"}"""
                        .formatted(JOURNAL, YEAR));

        assertThat(OperationPayload.decode(OperationKind.ARCHIVE_CHAT, ORGANIZATION, payload))
                .isEqualTo(new Action.ArchiveChat(CHAT, "Алгебра 7А · 2025/2026", "2025/2026"));
        assertThat(OperationKind.ARCHIVE_CHAT.needs())
                .as("renaming and pinning in its own chat")
                .isNull();
    }

    @Test
    void anUnknownVersionIsRefused() {
        var payload =
                JSON.readTree("""
                {"v": 3, "journal": "%s", "year": "%s"}""".formatted(JOURNAL, YEAR));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> OperationPayload.decode(OperationKind.INVITE_LINK, ORGANIZATION, payload));
    }

    @Test
    void membersAndRenewedLinksNeedAMessengerThatCanDoThem() {
        var noMembers = new Capabilities(true, true, true, false, false);
        var noLinks = new Capabilities(true, false, true, true, true);

        assertThat(ProviderCapability.allows(noMembers, OperationKind.ADD_MEMBER))
                .isFalse();
        assertThat(ProviderCapability.allows(noMembers, OperationKind.REMOVE_MEMBER))
                .isFalse();
        assertThat(ProviderCapability.allows(noMembers, OperationKind.RENEW_INVITE_LINK))
                .isTrue();
        assertThat(ProviderCapability.allows(noLinks, OperationKind.RENEW_INVITE_LINK))
                .isFalse();
        assertThat(ProviderCapability.allows(noLinks, OperationKind.ADD_MEMBER)).isTrue();
    }
}
