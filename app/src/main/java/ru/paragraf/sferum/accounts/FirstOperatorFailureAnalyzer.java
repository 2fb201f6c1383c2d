package ru.paragraf.sferum.accounts;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns unusable settings of the first city operator into Boot's short start-up failure report. */
class FirstOperatorFailureAnalyzer extends AbstractFailureAnalyzer<FirstOperatorException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FirstOperatorException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
