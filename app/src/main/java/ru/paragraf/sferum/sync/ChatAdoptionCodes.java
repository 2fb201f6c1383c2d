package ru.paragraf.sferum.sync;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The chat adoption codes of journals ({@code sync.chat_adoption_code}), kept as hashes. */
@Repository
@EnableConfigurationProperties(AdoptionProperties.class)
class ChatAdoptionCodes {

    /** A stored code: whose journal it binds, until when, and whether a chat used it. */
    record Stored(
            String hash,
            UUID organization,
            UUID journal,
            UUID year,
            OffsetDateTime expiresAt,
            @Nullable OffsetDateTime usedAt,
            @Nullable Long usedByChat) {}

    private final JdbcClient jdbc;

    ChatAdoptionCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new code of the journal, in place of its unused one if it has one. */
    void issue(
            AdoptionCode code, UUID organization, UUID journal, UUID year, OffsetDateTime now, OffsetDateTime expires) {
        jdbc.sql(
                        """
                        insert into sync.chat_adoption_code
                            (code_hash, organization_id, journal_id, academic_year_id, created_at, expires_at)
                        values (:hash, :organization, :journal, :year, :now, :expires)
                        on conflict (organization_id, journal_id, academic_year_id) where used_at is null
                        do update set code_hash = excluded.code_hash, created_at = excluded.created_at,
                                      expires_at = excluded.expires_at
                        """)
                .param("hash", code.hash())
                .param("organization", organization)
                .param("journal", journal)
                .param("year", year)
                .param("now", now)
                .param("expires", expires)
                .update();
    }

    /** The code, locked for the transaction that uses it. */
    Optional<Stored> lock(AdoptionCode code) {
        return jdbc.sql(
                        """
                        select code_hash, organization_id, journal_id, academic_year_id, expires_at, used_at,
                               used_by_chat
                        from sync.chat_adoption_code where code_hash = :hash for update
                        """)
                .param("hash", code.hash())
                .query((rs, row) -> new Stored(
                        rs.getString("code_hash"),
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("journal_id", UUID.class),
                        rs.getObject("academic_year_id", UUID.class),
                        rs.getObject("expires_at", OffsetDateTime.class),
                        rs.getObject("used_at", OffsetDateTime.class),
                        (Long) rs.getObject("used_by_chat")))
                .optional();
    }

    void markUsed(String hash, long chatId, OffsetDateTime now) {
        jdbc.sql("update sync.chat_adoption_code set used_at = :now, used_by_chat = :chat where code_hash = :hash")
                .param("now", now)
                .param("chat", chatId)
                .param("hash", hash)
                .update();
    }

    /**
     * Makes the code that bound this chat to the journal usable again (the chat was unbound before it was taken
     * over), unless it expired or the journal has a newer unused code.
     */
    void release(UUID organization, UUID journal, UUID year, long chatId, OffsetDateTime now) {
        jdbc.sql(
                        """
                        update sync.chat_adoption_code c set used_at = null, used_by_chat = null
                        where c.organization_id = :organization and c.journal_id = :journal
                          and c.academic_year_id = :year and c.used_by_chat = :chat and c.expires_at > :now
                          and not exists (select 1 from sync.chat_adoption_code o
                                          where o.organization_id = c.organization_id and o.journal_id = c.journal_id
                                            and o.academic_year_id = c.academic_year_id and o.used_at is null)
                        """)
                .param("organization", organization)
                .param("journal", journal)
                .param("year", year)
                .param("chat", chatId)
                .param("now", now)
                .update();
    }
}
