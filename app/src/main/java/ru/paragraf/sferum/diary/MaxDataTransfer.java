package ru.paragraf.sferum.diary;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import ru.paragraf.sferum.school.FamilyFiles;
import ru.paragraf.sferum.school.PersonKind;
import ru.paragraf.sferum.school.StaffFiles;

/**
 * The diary data transfer of MAX links, as {@link DiaryDataTransfer} does for VK ID: after a link or unlink commits,
 * writes the person's MAX user id into school's records (a teacher's staff file, a pupil's or parent's record). It
 * transfers the link's current state under the person's link lock, so a repeated or late event leaves school equal
 * to the diary.
 */
@Component
class MaxDataTransfer {

    private final MaxAccountLinking links;
    private final LinkLock lock;
    private final StaffFiles staffFiles;
    private final FamilyFiles familyFiles;

    MaxDataTransfer(MaxAccountLinking links, LinkLock lock, StaffFiles staffFiles, FamilyFiles familyFiles) {
        this.links = links;
        this.lock = lock;
        this.staffFiles = staffFiles;
        this.familyFiles = familyFiles;
    }

    @ApplicationModuleListener
    void on(MaxAccountChanged event) {
        var person = event.person();
        lock.lock(person);
        var link = links.linkOf(person);
        if (event.kind() == PersonKind.EMPLOYEE) {
            link.ifPresentOrElse(
                    it -> staffFiles.recordMaxAccount(
                            person, it.maxUserId(), it.linkedAt().toInstant()),
                    () -> staffFiles.clearMaxAccount(person));
        } else {
            link.ifPresentOrElse(
                    it -> familyFiles.recordMaxAccount(
                            event.kind(), person, it.maxUserId(), it.linkedAt().toInstant()),
                    () -> familyFiles.clearMaxAccount(event.kind(), person));
        }
    }
}
