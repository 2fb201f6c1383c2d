package ru.paragraf.sferum.linkbase;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Takes over stalled verifications of previews and deletes expired previews with their sealed tokens. */
@Component
class HanddownHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(HanddownHousekeeping.class);

    private final Handdowns handdowns;
    private final HanddownVerification verification;
    private final Clock clock;

    HanddownHousekeeping(Handdowns handdowns, HanddownVerification verification, Clock clock) {
        this.handdowns = handdowns;
        this.verification = verification;
        this.clock = clock;
    }

    void runOnce() {
        int resumed = verification.resumeStalled();
        int deleted = handdowns.deleteExpired(OffsetDateTime.now(clock));
        if (resumed > 0 || deleted > 0) {
            log.info("Hand-down previews: {} stalled verifications taken over, {} expired deleted", resumed, deleted);
        }
    }
}
