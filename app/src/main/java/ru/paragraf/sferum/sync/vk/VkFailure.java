package ru.paragraf.sferum.sync.vk;

import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Why a VK call failed, classified. Texts are already redacted: no token, code or invite link appears in
 * {@code message} or {@code requestParams}.
 *
 * @param method the VK method
 * @param kind how it failed
 * @param code VK's error code for {@link Kind#API_ERROR}, the HTTP status for {@link Kind#HTTP_STATUS}, else 0
 * @param message VK's {@code error_msg} or a description of the transport failure (English, for logs)
 * @param category what the failure means for the synchronization
 * @param ambiguous the call may have taken effect although it failed (timeout, lost answer, VK error 10)
 * @param attempts how many requests were sent for this call
 * @param requestParams the parameters VK echoed with its error, secrets masked
 */
public record VkFailure(
        String method,
        Kind kind,
        int code,
        String message,
        VkErrorCategory category,
        boolean ambiguous,
        int attempts,
        Map<String, String> requestParams) {

    public VkFailure {
        requestParams = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(requestParams));
    }

    /** How a call failed. */
    public enum Kind {
        /** VK answered with an error envelope. */
        API_ERROR,
        /** No answer within the read timeout; the request may have been processed. */
        TIMEOUT,
        /** The connection failed; {@code ambiguous} tells whether the request may have reached VK. */
        CONNECTION,
        /** VK answered an HTTP status other than 200 without an error envelope. */
        HTTP_STATUS,
        /** VK answered something we cannot read. */
        MALFORMED_RESPONSE,
        /** The client's own rate limiter gave no permit in time; nothing was sent. */
        THROTTLED
    }

    static VkFailure apiError(String method, int code, String message, Map<String, String> requestParams) {
        return new VkFailure(
                method,
                Kind.API_ERROR,
                code,
                message,
                VkErrorCodes.categoryOf(code),
                VkErrorCodes.ambiguous(code),
                1,
                requestParams);
    }

    static VkFailure of(
            String method, Kind kind, int code, String message, VkErrorCategory category, boolean ambiguous) {
        return new VkFailure(method, kind, code, message, category, ambiguous, 1, Map.of());
    }

    VkFailure withAttempts(int value) {
        return new VkFailure(method, kind, code, message, category, ambiguous, value, requestParams);
    }

    /** Whether VK answered this error code. */
    public boolean isApiError(int errorCode) {
        return kind == Kind.API_ERROR && code == errorCode;
    }

    /**
     * The Russian explanation for users: {@code vk.error.<code>} when messages_ru.properties has one, else the
     * kind's or the category's generic text.
     */
    public MessageSourceResolvable explanation() {
        var specific =
                switch (kind) {
                    case API_ERROR -> "vk.error." + code;
                    case TIMEOUT -> "vk.error.timeout";
                    case CONNECTION -> "vk.error.connection";
                    case HTTP_STATUS -> "vk.error.http";
                    case MALFORMED_RESPONSE -> "vk.error.malformed";
                    case THROTTLED -> "vk.error.throttled";
                };
        return new DefaultMessageSourceResolvable(
                new String[] {specific, "vk.error.category." + category.name()}, new Object[] {code});
    }

    /** The value of the {@code outcome} metric tag: the error code, {@code timeout}, {@code http_503}, …. */
    String outcomeTag() {
        return switch (kind) {
            case API_ERROR -> String.valueOf(code);
            case HTTP_STATUS -> "http_" + code;
            case TIMEOUT -> "timeout";
            case CONNECTION -> "connection";
            case MALFORMED_RESPONSE -> "malformed";
            case THROTTLED -> "throttled";
        };
    }

    /** Echoed values such as a message text can be 9000 characters; a log line needs their start. */
    private static String shortened(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "\u2026";
    }

    /** One line for logs and exception messages; secrets were masked before they got here. */
    public String describe() {
        var text = new StringBuilder(method).append(": ").append(kind);
        if (code != 0) {
            text.append(' ').append(code);
        }
        text.append(" (").append(category);
        if (ambiguous) {
            text.append(", may have taken effect");
        }
        text.append(", ")
                .append(attempts)
                .append(attempts == 1 ? " attempt" : " attempts")
                .append(") ");
        text.append(message);
        if (!requestParams.isEmpty()) {
            text.append(" {");
            requestParams.forEach((name, value) ->
                    text.append(name).append('=').append(shortened(value)).append(", "));
            text.setLength(text.length() - 2);
            text.append('}');
        }
        return text.toString();
    }
}
