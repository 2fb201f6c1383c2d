package ru.paragraf.sferum.linkbase;

/** The community is already registered for another organization: a community belongs to one school. */
class CommunityTakenException extends RuntimeException {

    private final long communityId;

    CommunityTakenException(long communityId) {
        super("Community %d is registered for another organization".formatted(communityId));
        this.communityId = communityId;
    }

    long communityId() {
        return communityId;
    }
}
