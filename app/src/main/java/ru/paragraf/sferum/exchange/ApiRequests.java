package ru.paragraf.sferum.exchange;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** Bodies of the API's requests. */
final class ApiRequests {

    private ApiRequests() {}

    /** A new task; without cron it runs every 10 minutes, without enabled it is on. */
    record CreateTask(@NotBlank String type, @Nullable String cron, @Nullable Boolean enabled) {}

    /** A task's schedule and switch. */
    record UpdateTask(@NotBlank String cron, @NotNull Boolean enabled) {}
}
