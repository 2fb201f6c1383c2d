package ru.paragraf.sferum.diary;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.school.FamilyFiles;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.sferum.school.StaffFiles;

/**
 * The diary data transfer: after a link, an unlink or a link that stopped working commits, writes the person's VK
 * account and whether it has to be linked again into school: a teacher's staff file ({@link StaffFiles}), a pupil's
 * or parent's record ({@link FamilyFiles}). Runs from the event publication registry, so a crash between the two
 * steps is caught up on.
 *
 * <p>It transfers the link's current state rather than the event's payload, under the person's link lock: a
 * repeated event, or events handled out of order, still leave the school's record equal to the diary.
 */
@Component
class DiaryDataTransfer {

    private final VkLinks links;
    private final LinkLock lock;
    private final StaffFiles staffFiles;
    private final FamilyFiles familyFiles;
    private final JdbcClient jdbc;
    private final VkIdProperties properties;

    DiaryDataTransfer(
            VkLinks links,
            LinkLock lock,
            StaffFiles staffFiles,
            FamilyFiles familyFiles,
            JdbcClient jdbc,
            VkIdProperties properties) {
        this.links = links;
        this.lock = lock;
        this.staffFiles = staffFiles;
        this.familyFiles = familyFiles;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(VkIdLinked event) {
        transfer(event.kind(), event.person());
    }

    @ApplicationModuleListener
    void on(VkIdUnlinked event) {
        transfer(event.kind(), event.person());
    }

    @ApplicationModuleListener
    void on(VkIdRelinkRequired event) {
        transfer(event.kind(), event.person());
    }

    void transfer(PersonKind kind, UUID person) {
        // fail rather than hold a listener thread: the registry keeps the publication for a retry
        jdbc.sql("select set_config('lock_timeout', :timeout, true)")
                .param("timeout", properties.transferLockTimeout().toMillis() + "ms")
                .query((rs, row) -> 1)
                .list();
        lock.lock(person);
        var link = links.find(person);
        if (kind == PersonKind.EMPLOYEE) {
            link.ifPresentOrElse(
                    it -> staffFiles.recordSferumAccount(
                            person, it.vkUserId(), it.linkedAt().toInstant(), it.relinkRequired()),
                    () -> staffFiles.clearSferumAccount(person));
        } else {
            link.ifPresentOrElse(
                    it -> familyFiles.recordSferumAccount(
                            kind, person, it.vkUserId(), it.linkedAt().toInstant(), it.relinkRequired()),
                    () -> familyFiles.clearSferumAccount(kind, person));
        }
    }
}
