package ru.paragraf.sferum.sync;

import ru.paragraf.sferum.sync.messenger.Capabilities;

/**
 * Something a messenger provider may or may not be able to do, as it declares in its {@link Capabilities}: the
 * engine plans no operation that needs what the provider cannot do, and says why (messages
 * {@code sync.capability.*}).
 */
enum ProviderCapability {
    CREATES_CHATS,
    INVITE_LINKS,
    MEMBERS,
    READS_MEMBERS,
    CALLS;

    boolean declaredIn(Capabilities capabilities) {
        return switch (this) {
            case CREATES_CHATS -> capabilities.createsChats();
            case INVITE_LINKS -> capabilities.inviteLinks();
            case MEMBERS -> capabilities.members();
            case READS_MEMBERS -> capabilities.readsMembers();
            case CALLS -> capabilities.calls();
        };
    }

    /** Why the engine does not do this, in Russian. */
    String reasonKey() {
        return "sync.capability." + name();
    }

    /** Whether the provider can carry out operations of this kind. */
    static boolean allows(Capabilities capabilities, OperationKind kind) {
        var needed = kind.needs();
        return needed == null || needed.declaredIn(capabilities);
    }
}
