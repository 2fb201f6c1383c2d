package ru.paragraf.sferum.school;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A subject chat of a closed academic year that the person was put into, as the diary lists it under «Архив».
 *
 * @param title its title in the archive, «Алгебра 7А · 2025/2026»
 * @param stillMember whether the person is still in it (not taken out when the year was closed)
 */
public record ArchivedChat(UUID journalId, String title, OffsetDateTime archivedAt, boolean stillMember) {}
