package ru.paragraf.sferum.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing or malformed encryption keys into Boot's short start-up failure report instead of a stack trace. */
class KeyConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<KeyConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KeyConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
