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
 * The entries of employees' personal files that other modules fill in: the teacher's VK Sferum account, which
 * arrives with the diary data transfer. Both methods are idempotent: repeating a call changes nothing.
 */
@Service
public class StaffFiles {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    StaffFiles(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Shows the VK account in the employee's file «Общая», and whether its link has to be made again. A VK account
     * belongs to one employee at most, so an employee whose file still shows this account from an earlier link
     * loses it here.
     */
    @Transactional
    public void recordSferumAccount(UUID employee, long vkUserId, Instant linkedAt, boolean relinkRequired) {
        jdbc.sql(
                        """
                        update school.employee set sferum_user_id = null, sferum_linked_at = null,
                                                   sferum_relink_required = false
                        where sferum_user_id = :vkUserId and id <> :employee
                        returning id, organization_id
                        """)
                .param("vkUserId", vkUserId)
                .param("employee", employee)
                .query((rs, row) -> new SferumAccountChanged(
                        rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class), null, false))
                .list()
                .forEach(events::publishEvent);
        var changed = jdbc.sql(
                        """
                        update school.employee set sferum_user_id = :vkUserId, sferum_linked_at = :linkedAt,
                                                   sferum_relink_required = :relink
                        where id = :employee
                          and (sferum_user_id is distinct from :vkUserId or sferum_linked_at is distinct from :linkedAt
                               or sferum_relink_required <> :relink)
                        """)
                .param("vkUserId", vkUserId)
                .param("relink", relinkRequired)
                .param("linkedAt", OffsetDateTime.ofInstant(linkedAt, ZoneOffset.UTC))
                .param("employee", employee)
                .update();
        if (changed > 0) {
            events.publishEvent(new SferumAccountChanged(employee, organizationOf(employee), vkUserId, relinkRequired));
        }
    }

    /** Shows «не привязан» in the employee's file. */
    @Transactional
    public void clearSferumAccount(UUID employee) {
        var changed = jdbc.sql(
                        """
                        update school.employee set sferum_user_id = null, sferum_linked_at = null,
                                                   sferum_relink_required = false
                        where id = :employee and sferum_user_id is not null
                        """)
                .param("employee", employee)
                .update();
        if (changed > 0) {
            events.publishEvent(new SferumAccountChanged(employee, organizationOf(employee), null, false));
        }
    }

    private UUID organizationOf(UUID employee) {
        return jdbc.sql("select organization_id from school.employee where id = :employee")
                .param("employee", employee)
                .query(UUID.class)
                .single();
    }

    /**
     * Records the employee's MAX account (the diary's MAX link). A MAX account belongs to one person at most, so
     * whoever still shows it from an earlier link, employee, pupil or parent, loses it here.
     */
    @Transactional
    public void recordMaxAccount(UUID employee, long maxUserId, Instant linkedAt) {
        MaxAccounts.record(jdbc, "school.employee", employee, maxUserId, linkedAt)
                .ifPresent(events::publishEvent);
    }

    /** The employee has no MAX account linked. */
    @Transactional
    public void clearMaxAccount(UUID employee) {
        MaxAccounts.clear(jdbc, "school.employee", employee).ifPresent(events::publishEvent);
    }
}
