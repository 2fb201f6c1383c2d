package ru.paragraf.maxemulator;

import java.util.Locale;

/** An admin permission in a group chat ([SCH] 0.0.33 {@code ChatAdminPermission}); the wire name is lower case. */
public enum ChatPermission {
    READ_ALL_MESSAGES,
    ADD_REMOVE_MEMBERS,
    ADD_ADMINS,
    CHANGE_CHAT_INFO,
    PIN_MESSAGE,
    EDIT_LINK,
    WRITE,
    EDIT,
    DELETE,
    CAN_CALL,
    VIEW_STATS;

    /** The name MAX uses, e.g. {@code read_all_messages}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The permission of a wire name; an unknown name is an {@link IllegalArgumentException}. */
    public static ChatPermission ofWireName(String name) {
        for (var permission : values()) {
            if (permission.wireName().equals(name)) {
                return permission;
            }
        }
        throw new IllegalArgumentException("unknown permission " + name);
    }
}
