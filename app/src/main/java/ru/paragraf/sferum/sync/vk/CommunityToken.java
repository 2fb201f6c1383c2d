package ru.paragraf.sferum.sync.vk;

/** A community (VK group) access token, as Sferum issues it to a school. */
public record CommunityToken(String value) implements VkToken {

    public CommunityToken {
        Secrets.requireToken(value);
    }

    @Override
    public Kind kind() {
        return Kind.COMMUNITY;
    }

    @Override
    public String toString() {
        return "CommunityToken[" + masked() + "]";
    }
}
