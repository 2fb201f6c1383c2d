package ru.paragraf.sferum.school;

import java.util.Set;
import java.util.UUID;

/**
 * The video links of these journals' lessons may have changed as a whole: the school chose another source for them
 * (its standing rooms' template, or the pasted links only). Only journals whose «Чат по предмету» is switched on are
 * listed; never empty. Published in the transaction of the change.
 */
public record LessonLinksChanged(UUID organization, Set<UUID> journals) {

    public LessonLinksChanged {
        journals = Set.copyOf(journals);
        if (journals.isEmpty()) {
            throw new IllegalArgumentException("A change of lesson links names its journals; none for " + organization);
        }
    }
}
