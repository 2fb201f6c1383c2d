package ru.paragraf.sferum.accounts;

import org.springframework.context.MessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the accounts API as problem details ({@link AccountRefusals}). */
@RestControllerAdvice(assignableTypes = OperatorAccountsApi.class)
class OperatorAccountsProblems {

    private final MessageSource messages;

    OperatorAccountsProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    ProblemDetail on(AccountChangeRefusedException refusal) {
        return AccountRefusals.problem(refusal, messages);
    }

    @ExceptionHandler
    ProblemDetail on(AccountNotFoundException missing) {
        return AccountRefusals.notFound(messages);
    }
}
