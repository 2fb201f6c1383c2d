package ru.paragraf.sferum.sync.max;

import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import ru.paragraf.sferum.sync.messenger.Problem;

/**
 * Why a MAX call failed, classified into the engine's {@link Problem.Kind} (max-protocol.md §1). Texts are redacted:
 * no token appears in {@code message}.
 *
 * @param call the call's name, e.g. {@code POST /chats/{chatId}/members}
 * @param kind how it failed
 * @param status the HTTP status, or 0 when there was no answer
 * @param code MAX's error code ({@code verify.token}, {@code chat.denied}, …), or empty
 * @param message MAX's {@code message} or a description of the transport failure (English, for logs)
 * @param problem what the failure means for the engine
 * @param ambiguous the call may have taken effect although it failed (timeout, lost answer, HTTP 5xx)
 * @param retryAfter MAX's {@code Retry-After} of a 429 (UNCONFIRMED that it sends one), or null
 * @param attempts how many requests were sent for this call
 */
public record MaxFailure(
        String call,
        Kind kind,
        int status,
        String code,
        String message,
        Problem.Kind problem,
        boolean ambiguous,
        @Nullable Duration retryAfter,
        int attempts) {

    /** Codes that concern one chat or one person: report them, go on with the rest. */
    private static final Set<String> ITEM_CODES =
            Set.of("chat.denied", "chat.not.found", "add.participant.privacy", "add.participant.not.found");

    /** How a call failed. */
    public enum Kind {
        /** MAX answered an error status with {@code {code, message}}. */
        API_ERROR,
        /** MAX answered 200 with {@code {"success": false}}: it did not do it. */
        UNSUCCESSFUL,
        /** No answer within the read timeout; the request may have been processed. */
        TIMEOUT,
        /** The connection failed; {@code ambiguous} tells whether the request may have reached MAX. */
        CONNECTION,
        /** An error status without MAX's error body (a proxy, a gateway). */
        HTTP_STATUS,
        /** MAX answered something we cannot read. */
        MALFORMED_RESPONSE,
        /** The client's own rate limiter gave no permit in time; nothing was sent. */
        THROTTLED
    }

    /** An error answer: the status and MAX's code say what it means. */
    static MaxFailure answered(String call, int status, String code, String message, @Nullable Duration retryAfter) {
        var kind = code.isEmpty() ? Kind.HTTP_STATUS : Kind.API_ERROR;
        return new MaxFailure(call, kind, status, code, message, classify(status, code), status >= 500, retryAfter, 1);
    }

    static MaxFailure unsuccessful(String call, String message) {
        // MAX says it did not do it and gives no code: nothing to repeat blindly, and nothing for a developer either
        return new MaxFailure(call, Kind.UNSUCCESSFUL, 200, "", message, Problem.Kind.ITEM, false, null, 1);
    }

    static MaxFailure of(String call, Kind kind, String message, boolean ambiguous) {
        var problem = kind == Kind.MALFORMED_RESPONSE ? Problem.Kind.BUG : Problem.Kind.RETRY;
        return new MaxFailure(call, kind, 0, "", message, problem, ambiguous, null, 1);
    }

    static Problem.Kind classify(int status, String code) {
        if (status == 401 || code.equals("verify.token")) {
            return Problem.Kind.CREDENTIALS;
        }
        if (status == 429 || status >= 500 || code.equals("attachment.not.ready")) {
            return Problem.Kind.RETRY;
        }
        if (ITEM_CODES.contains(code) || status == 403 || status == 404) {
            return Problem.Kind.ITEM;
        }
        return Problem.Kind.BUG;
    }

    MaxFailure withAttempts(int value) {
        return new MaxFailure(call, kind, status, code, message, problem, ambiguous, retryAfter, value);
    }

    /** Whether MAX answered this error code. */
    public boolean isError(String errorCode) {
        return code.equals(errorCode);
    }

    /** The failure as the engine's problem, with its Russian explanation. */
    public Problem toProblem() {
        return new Problem(problem, ambiguous, explanation(), describe());
    }

    /**
     * The Russian explanation for users: {@code max.error.<code>} when messages_ru.properties has one, else the
     * failure kind's, else the problem kind's generic text.
     */
    public MessageSourceResolvable explanation() {
        var codes = code.isEmpty()
                ? new String[] {"max.error." + kind.name(), "max.error.problem." + problem.name()}
                : new String[] {"max.error." + code, "max.error." + kind.name(), "max.error.problem." + problem.name()};
        return new DefaultMessageSourceResolvable(codes, new Object[] {status});
    }

    /** The value of the {@code outcome} metric tag: MAX's code, {@code http_503}, {@code timeout}, …. */
    String outcomeTag() {
        return switch (kind) {
            case API_ERROR -> code.length() <= 40 ? code : "other";
            case UNSUCCESSFUL -> "success_false";
            case HTTP_STATUS -> "http_" + status;
            case TIMEOUT -> "timeout";
            case CONNECTION -> "connection";
            case MALFORMED_RESPONSE -> "malformed";
            case THROTTLED -> "throttled";
        };
    }

    /** One line for logs and exception messages; secrets were masked before they got here. */
    public String describe() {
        var text = new StringBuilder(call).append(": ").append(kind);
        if (status != 0) {
            text.append(" HTTP ").append(status);
        }
        if (!code.isEmpty()) {
            text.append(' ').append(code);
        }
        text.append(" (").append(problem);
        if (ambiguous) {
            text.append(", may have taken effect");
        }
        text.append(", ")
                .append(attempts)
                .append(attempts == 1 ? " attempt" : " attempts")
                .append(") ");
        return text.append(message).toString();
    }
}
