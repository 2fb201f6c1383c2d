package ru.paragraf.sferum.diary;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A transaction-scoped PostgreSQL advisory lock per person (teacher, pupil or parent). Link changes and the transfer
 * into the school's records take it, so a transfer always sees the latest committed link and two transfers never
 * overtake each other.
 * The two-key form keeps these locks apart from single-key advisory locks of other modules.
 */
@Component
class LinkLock {

    /** "vkid" in ASCII: the key space of these locks. */
    private static final int KEY_SPACE = 0x766b6964;

    private final JdbcClient jdbc;

    LinkLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void lock(UUID person) {
        jdbc.sql("select pg_advisory_xact_lock(:space, hashtext(:person))")
                .param("space", KEY_SPACE)
                .param("person", person.toString())
                .query((rs, row) -> 1)
                .list();
    }
}
