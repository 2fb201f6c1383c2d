package ru.paragraf.sferum.diary;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.school.StaffFiles;

/**
 * The diary data transfer: after a link, an unlink or a link that stopped working commits, writes the teacher's VK
 * account and whether it has to be linked again into the staff file.
 * Runs from the event publication registry, so a crash between the two steps is caught up on.
 *
 * <p>It transfers the link's current state rather than the event's payload, under the employee's link lock: a
 * repeated event, or events handled out of order, still leave the staff file equal to the diary.
 */
@Component
class StaffFileTransfer {

    private final VkLinks links;
    private final LinkLock lock;
    private final StaffFiles staffFiles;
    private final JdbcClient jdbc;
    private final VkIdProperties properties;

    StaffFileTransfer(VkLinks links, LinkLock lock, StaffFiles staffFiles, JdbcClient jdbc, VkIdProperties properties) {
        this.links = links;
        this.lock = lock;
        this.staffFiles = staffFiles;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(VkIdLinked event) {
        transfer(event.employee());
    }

    @ApplicationModuleListener
    void on(VkIdUnlinked event) {
        transfer(event.employee());
    }

    @ApplicationModuleListener
    void on(VkIdRelinkRequired event) {
        transfer(event.employee());
    }

    void transfer(UUID employee) {
        // fail rather than hold a listener thread: the registry keeps the publication for a retry
        jdbc.sql("select set_config('lock_timeout', :timeout, true)")
                .param("timeout", properties.transferLockTimeout().toMillis() + "ms")
                .query((rs, row) -> 1)
                .list();
        lock.lock(employee);
        links.find(employee)
                .ifPresentOrElse(
                        link -> staffFiles.recordSferumAccount(
                                employee, link.vkUserId(), link.linkedAt().toInstant(), link.relinkRequired()),
                        () -> staffFiles.clearSferumAccount(employee));
    }
}
