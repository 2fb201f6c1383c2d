package ru.paragraf.sferum.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Demo mode: an explicit {@code sferum.demo.enabled} wins; without it, demo mode follows embedded mode. */
class DemoDataCondition extends SpringBootCondition {

    static final String PROPERTY = "sferum.demo.enabled";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        var explicit = environment.getProperty(PROPERTY);
        if (StringUtils.hasText(explicit)) {
            return Boolean.parseBoolean(explicit.trim())
                    ? ConditionOutcome.match(PROPERTY + " is true")
                    : ConditionOutcome.noMatch(PROPERTY + " is false");
        }
        return EmbeddedModeCondition.isEmbedded(environment)
                ? ConditionOutcome.match("embedded mode, " + PROPERTY + " not set")
                : ConditionOutcome.noMatch("production mode, " + PROPERTY + " not set");
    }
}
