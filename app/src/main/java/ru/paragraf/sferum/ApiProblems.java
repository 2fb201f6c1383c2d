package ru.paragraf.sferum;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the API as RFC 9457 problem details ({@code application/problem+json}). Only for REST controllers:
 * pages answer with the Russian error templates instead. No exception text ever reaches the client.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler
    ResponseEntity<Object> unexpected(Exception exception, WebRequest request) throws Exception {
        // Spring Security answers these itself: a refusal of access, and the firewall's refusal of a parameter or
        // header it reads only when the controller does (RequestRejectedHandler)
        if (exception instanceof org.springframework.security.access.AccessDeniedException
                || exception instanceof org.springframework.security.core.AuthenticationException
                || exception instanceof org.springframework.security.web.firewall.RequestRejectedException) {
            throw exception;
        }
        log.error("Unexpected error in an API call", exception);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "The request could not be completed. It has been logged.");
        return ResponseEntity.internalServerError()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleExceptionInternal(
            Exception exception,
            @Nullable Object body,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        var response = super.handleExceptionInternal(exception, body, headers, status, request);
        if (response == null) {
            return null;
        }
        var problem = response.getBody() == null ? ProblemDetail.forStatus(status) : response.getBody();
        // a problem is always application/problem+json, whatever the client accepts: otherwise a request whose Accept
        // header does not parse or admits no JSON gets its 406 without a body saying why
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
