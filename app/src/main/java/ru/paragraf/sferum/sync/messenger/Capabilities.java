package ru.paragraf.sferum.sync.messenger;

/**
 * What a messenger lets the product do. VK lets a community create chats, hand out invite links and remove members,
 * a user join by a link and start calls; MAX's bot API would only adopt chats that a teacher created (and manage
 * their members).
 *
 * @param members whether people can be put into a chat and taken out of it
 * @param readsMembers whether a chat's members can be read back, with their names (to find who does not belong)
 */
public record Capabilities(
        boolean createsChats, boolean inviteLinks, boolean calls, boolean members, boolean readsMembers) {}
