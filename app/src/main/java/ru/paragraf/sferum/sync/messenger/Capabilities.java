package ru.paragraf.sferum.sync.messenger;

/**
 * What a messenger lets the product do; the engine plans, per organization, only what the provider of the
 * organization's messenger declares here, and the pages show only what follows from it.
 *
 * @param createsChats whether the school's account can create a chat itself; without it, chats exist only when
 *     people make them and hand them to the school's account
 * @param inviteLinks whether a chat has an invite link that the school's account can get and renew, by which people
 *     join with their own account; without it, the school's account puts people in itself
 * @param calls whether a video call can be started and finished for a lesson, with a link to join it
 * @param members whether people can be put into a chat and taken out of it
 * @param readsMembers whether a chat's members can be read back, with their names (to find who does not belong)
 */
public record Capabilities(
        boolean createsChats, boolean inviteLinks, boolean calls, boolean members, boolean readsMembers) {}
