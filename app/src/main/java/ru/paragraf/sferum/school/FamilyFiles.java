package ru.paragraf.sferum.school;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entries of pupils' and parents' records that the diary's data transfer fills in: their VK Sferum account, as
 * {@link StaffFiles} does for employees. Both methods are idempotent: repeating a call changes nothing and publishes
 * nothing.
 */
@Service
public class FamilyFiles {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    FamilyFiles(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Records the person's VK account and whether its link has to be made again. A VK account belongs to one person
     * at most, so a pupil or parent whose record still shows it from an earlier link loses it here.
     */
    @Transactional
    public void recordSferumAccount(
            PersonKind kind, UUID person, long vkUserId, Instant linkedAt, boolean relinkRequired) {
        var table = table(kind);
        for (var other : new PersonKind[] {PersonKind.PUPIL, PersonKind.PARENT}) {
            jdbc.sql(
                            """
                            update %s set sferum_user_id = null, sferum_linked_at = null,
                                          sferum_relink_required = false
                            where sferum_user_id = :vkUserId and id <> :person
                            returning id, organization_id
                            """
                                    .formatted(table(other)))
                    .param("vkUserId", vkUserId)
                    .param("person", person)
                    .query((rs, row) -> new FamilySferumAccountChanged(
                            other,
                            rs.getObject("id", UUID.class),
                            rs.getObject("organization_id", UUID.class),
                            null,
                            false))
                    .list()
                    .forEach(events::publishEvent);
        }
        jdbc.sql(
                        """
                        update %s set sferum_user_id = :vkUserId, sferum_linked_at = :linkedAt,
                                      sferum_relink_required = :relink
                        where id = :person
                          and (sferum_user_id is distinct from :vkUserId or sferum_linked_at is distinct from :linkedAt
                               or sferum_relink_required <> :relink)
                        returning organization_id
                        """
                                .formatted(table))
                .param("vkUserId", vkUserId)
                .param("linkedAt", OffsetDateTime.ofInstant(linkedAt, ZoneOffset.UTC))
                .param("relink", relinkRequired)
                .param("person", person)
                .query(UUID.class)
                .optional()
                .ifPresent(organization -> events.publishEvent(
                        new FamilySferumAccountChanged(kind, person, organization, vkUserId, relinkRequired)));
    }

    /** Shows «не привязан» for the pupil or parent. */
    @Transactional
    public void clearSferumAccount(PersonKind kind, UUID person) {
        jdbc.sql(
                        """
                        update %s set sferum_user_id = null, sferum_linked_at = null, sferum_relink_required = false
                        where id = :person and sferum_user_id is not null
                        returning organization_id
                        """
                                .formatted(table(kind)))
                .param("person", person)
                .query(UUID.class)
                .optional()
                .ifPresent(organization ->
                        events.publishEvent(new FamilySferumAccountChanged(kind, person, organization, null, false)));
    }

    /** Records the pupil's or parent's MAX account, as {@link StaffFiles#recordMaxAccount} does for employees. */
    @Transactional
    public void recordMaxAccount(PersonKind kind, UUID person, long maxUserId, Instant linkedAt) {
        MaxAccounts.record(jdbc, table(kind), person, maxUserId, linkedAt).ifPresent(events::publishEvent);
    }

    /** The pupil or parent has no MAX account linked. */
    @Transactional
    public void clearMaxAccount(PersonKind kind, UUID person) {
        MaxAccounts.clear(jdbc, table(kind), person).ifPresent(events::publishEvent);
    }

    /** The table of the kind: a constant, never text from outside. */
    private static String table(PersonKind kind) {
        switch (kind) {
            case PUPIL:
                return "school.pupil";
            case PARENT:
                return "school.parent";
            default:
                throw new IllegalArgumentException("Employees' VK accounts are in their staff files: " + kind);
        }
    }
}
