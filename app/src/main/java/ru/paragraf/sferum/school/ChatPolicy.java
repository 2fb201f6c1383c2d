package ru.paragraf.sferum.school;

import java.time.OffsetDateTime;
import java.time.ZoneId;
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

    /** The same settings with the time of the last change in the given zone: the database answers in UTC. */
    ChatPolicy inZone(ZoneId zone) {
        return updatedAt == null
                ? this
                : new ChatPolicy(
                        organization,
                        parentsInChats,
                        removeStrangers,
                        updatedAt.atZoneSameInstant(zone).toOffsetDateTime(),
                        updatedBy);
    }

    boolean differsFrom(boolean parents, boolean strangers) {
        return parentsInChats != parents || removeStrangers != strangers;
    }
}
