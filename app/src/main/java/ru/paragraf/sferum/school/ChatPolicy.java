package ru.paragraf.sferum.school;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A school's choices about its subject chats («Настройки чатов»): whether the pupils' parents are in them (default
 * off) and whether people who do not belong are removed from them (default on). A school that never changed them has
 * the defaults and no {@code updatedAt}.
 *
 * @param updatedBy who changed them last, as the audit names people
 */
record ChatPolicy(
        UUID organization,
        boolean parentsInChats,
        boolean removeStrangers,
        @Nullable OffsetDateTime updatedAt,
        @Nullable String updatedBy) {

    boolean differsFrom(boolean parents, boolean strangers) {
        return parentsInChats != parents || removeStrangers != strangers;
    }
}
