package ru.paragraf.sferum.sync.vk;

/** A user access token of one VK account, obtained when a teacher linked the VK ID. */
public record UserToken(String value) implements VkToken {

    public UserToken {
        Secrets.requireToken(value);
    }

    @Override
    public Kind kind() {
        return Kind.USER;
    }

    @Override
    public String toString() {
        return "UserToken[" + masked() + "]";
    }
}
