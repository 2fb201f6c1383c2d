package ru.paragraf.sferum.embedded;

import org.springframework.core.env.Environment;

/** Whether the application runs in the embedded default mode, for code that must decide at start-up. */
public final class EmbeddedMode {

    private EmbeddedMode() {}

    public static boolean isOn(Environment environment) {
        return EmbeddedModeCondition.isEmbedded(environment);
    }
}
