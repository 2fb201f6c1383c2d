package ru.paragraf.sferum.linkbase;

/**
 * Asks the messenger whether a community id and a community token belong together and may manage chats. Implemented
 * by the sync module's provider (the VK API); linkbase calls it outside any transaction.
 */
public interface CommunityVerifier {

    /** Never throws for a messenger or network failure: that is {@link CommunityVerdict.Unreachable}. */
    CommunityVerdict verify(long communityId, SferumToken token);
}
