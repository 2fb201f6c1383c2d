package ru.paragraf.sferum.notices;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Today as the school counts days: the application's clock is St Petersburg time. */
@Component
class MoscowDays {

    private final Clock clock;

    MoscowDays(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
