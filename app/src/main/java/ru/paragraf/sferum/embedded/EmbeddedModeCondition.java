package ru.paragraf.sferum.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Embedded mode unless told otherwise: {@code sferum.mode} wins; without it, a configured
 * {@code spring.datasource.url} means an external database and therefore production.
 */
class EmbeddedModeCondition extends SpringBootCondition {

    static boolean isEmbedded(Environment environment) {
        var mode = environment.getProperty("sferum.mode");
        if (StringUtils.hasText(mode)) {
            return "embedded".equalsIgnoreCase(mode.trim());
        }
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isEmbedded(context.getEnvironment())
                ? ConditionOutcome.match("embedded mode")
                : ConditionOutcome.noMatch("production mode (sferum.mode or spring.datasource.url set)");
    }
}
