package ru.paragraf.sferum.secrets;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Completes a key rotation: once a new current key is configured (the old one still listed), every module's
 * stale sealed values are re-sealed at start-up. Afterwards the old key can be removed from the configuration.
 */
@Component
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final SecretBox box;
    private final List<SealedValues> stores;

    KeyRotation(SecretBox box, List<SealedValues> stores) {
        this.box = box;
        this.stores = stores;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        var resealed = resealAll();
        if (resealed > 0) {
            log.info("Re-sealed {} secrets with the current encryption key", resealed);
        }
    }

    /** Re-seals all stale values now; returns how many. */
    public int resealAll() {
        return stores.stream().mapToInt(store -> store.resealStale(box)).sum();
    }
}
