package ru.paragraf.sferum.sync.messenger;

/** A teacher's own messenger account and token, for what only a user may do (start a call, join a chat). */
public record UserAccess(long userId, String token) {

    @Override
    public String toString() {
        return "UserAccess[" + userId + ", token=****]";
    }
}
