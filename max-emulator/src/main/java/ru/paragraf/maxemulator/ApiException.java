package ru.paragraf.maxemulator;

/** An error answer of the bot API: the HTTP status and MAX's body {@code {"code","message"}}. */
final class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "proto.payload", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not.found", message);
    }

    static ApiException chatNotFound(long chatId) {
        return new ApiException(404, "chat.not.found", "Chat " + chatId + " not found");
    }

    static ApiException denied(String message) {
        return new ApiException(403, "chat.denied", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
