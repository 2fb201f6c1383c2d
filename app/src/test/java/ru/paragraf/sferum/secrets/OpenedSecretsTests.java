package ru.paragraf.sferum.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OpenedSecretsTests {

    private final OpenedSecrets<String, String> secrets = new OpenedSecrets<>(Duration.ofMinutes(1), 100);

    @Test
    void aKeptValueIsServedUntilItIsForgotten() {
        var loads = new AtomicInteger();
        assertThat(secrets.get("org", key -> Optional.of("token-" + loads.incrementAndGet())))
                .contains("token-1");
        assertThat(secrets.get("org", key -> Optional.of("token-" + loads.incrementAndGet())))
                .contains("token-1");

        secrets.forget("org");

        assertThat(secrets.get("org", key -> Optional.of("token-" + loads.incrementAndGet())))
                .contains("token-2");
        secrets.forgetAll();
        assertThat(secrets.kept("org")).isEmpty();
    }

    @Test
    void aValueLoadedWhileItWasForgottenIsNotKept() {
        // a reader loads the old value while the credentials change: what it read must not outlive the change
        assertThat(secrets.get("org", key -> {
                    secrets.forget("org");
                    return Optional.of("old");
                }))
                .contains("old");
        assertThat(secrets.kept("org")).isEmpty();

        var before = secrets.generation();
        secrets.forget("other");
        secrets.keep("org", "stale", before);
        assertThat(secrets.kept("org")).isEmpty();
    }

    @Test
    void nothingIsKeptForAMissingValue() {
        assertThat(secrets.get("org", key -> Optional.empty())).isEmpty();
        assertThat(secrets.get("org", key -> Optional.of("saved later"))).contains("saved later");
    }
}
