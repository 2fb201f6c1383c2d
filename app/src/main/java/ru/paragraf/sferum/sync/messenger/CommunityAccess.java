package ru.paragraf.sferum.sync.messenger;

/** A school's community in the messenger with its access token; the token never leaves the server. */
public record CommunityAccess(long communityId, String token) {

    @Override
    public String toString() {
        return "CommunityAccess[" + communityId + ", token=****]";
    }
}
