package ru.paragraf.sferum.diary;

import java.util.UUID;
import ru.paragraf.sferum.school.PersonKind;

/** A person's MAX link was made, replaced or removed: the data transfer writes it into school's records. */
record MaxAccountChanged(PersonKind kind, UUID person) {}
