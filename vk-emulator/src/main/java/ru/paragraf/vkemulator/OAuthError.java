package ru.paragraf.vkemulator;

/** A VK ID error answer: an RFC 6749 error code, a description and an HTTP status (400 or 401). */
final class OAuthError extends RuntimeException {

    private final String error;
    private final int status;

    OAuthError(String error, String description, int status) {
        super(description, null, false, false);
        this.error = error;
        this.status = status;
    }

    static OAuthError invalidRequest(String description) {
        return new OAuthError("invalid_request", description, 400);
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError("invalid_grant", description, 400);
    }

    static OAuthError invalidClient(String description) {
        return new OAuthError("invalid_client", description, 401);
    }

    static OAuthError invalidToken(String description) {
        return new OAuthError("invalid_token", description, 401);
    }

    String error() {
        return error;
    }

    int status() {
        return status;
    }
}
