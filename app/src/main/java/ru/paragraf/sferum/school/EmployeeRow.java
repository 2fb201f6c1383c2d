package ru.paragraf.sferum.school;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A line of «Личные дела сотрудников»; {@code sferumRelinkRequired}: the linked VK ID has to be linked again. */
record EmployeeRow(
        UUID id, String fullName, String position, @Nullable Long sferumUserId, boolean sferumRelinkRequired) {}
