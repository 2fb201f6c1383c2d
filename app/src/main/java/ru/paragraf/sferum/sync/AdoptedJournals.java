package ru.paragraf.sferum.sync;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A journal as adopting a chat needs it, from the school's read contract: its year and its chat's title. */
@Repository
class AdoptedJournals {

    /** A journal of the organization: its academic year and the title its chat gets («Математика 7А»). */
    record Journal(UUID organization, UUID id, UUID year, String title) {

        ChatKey chat() {
            return new ChatKey(organization, id, year);
        }
    }

    private final JdbcClient jdbc;

    AdoptedJournals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Journal> find(UUID organization, UUID journal) {
        return jdbc.sql(
                        """
                        select organization_id, journal_id, academic_year_id, chat_title from school.sync_journal
                        where journal_id = :journal and organization_id = :organization
                        """)
                .param("journal", journal)
                .param("organization", organization)
                .query((rs, row) -> new Journal(
                        rs.getObject("organization_id", UUID.class),
                        rs.getObject("journal_id", UUID.class),
                        rs.getObject("academic_year_id", UUID.class),
                        rs.getString("chat_title")))
                .optional();
    }
}
