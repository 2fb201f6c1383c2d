package ru.paragraf.sferum.sync.messenger;

/**
 * What a messenger lets the product do. VK lets a community create chats and hand out invite links, and a user
 * start calls; MAX's bot API would only adopt chats that a teacher created.
 */
public record Capabilities(boolean createsChats, boolean inviteLinks, boolean calls) {}
