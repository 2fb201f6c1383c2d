package ru.paragraf.vkemulator;

import java.util.Map;

/** A VK API error answer (`{"error":{"error_code",…}}`) raised anywhere in the request pipeline. */
final class ApiError extends RuntimeException {

    private static final Map<Integer, String> STANDARD = Map.ofEntries(
            Map.entry(1, "Unknown error occurred"),
            Map.entry(3, "Unknown method passed."),
            Map.entry(5, "User authorization failed"),
            Map.entry(6, "Too many requests per second"),
            Map.entry(7, "Permission to perform this action is denied"),
            Map.entry(8, "Invalid request"),
            Map.entry(9, "Flood control"),
            Map.entry(10, "Internal server error"),
            Map.entry(14, "Captcha needed"),
            Map.entry(15, "Access denied"),
            Map.entry(18, "User was deleted or banned"),
            Map.entry(27, "Group authorization failed: method is unavailable with group auth."),
            Map.entry(29, "Rate limit reached"),
            Map.entry(100, "One of the parameters specified was missing or invalid"),
            Map.entry(103, "Out of limits"),
            Map.entry(104, "Not found"),
            Map.entry(113, "Invalid user id"),
            Map.entry(901, "Can't send messages for users without permission"),
            Map.entry(902, "Can't send messages to this user due to their privacy settings"),
            Map.entry(914, "Message is too long"),
            Map.entry(917, "You don't have access to this chat"),
            Map.entry(919, "You can't see invite link for this chat"),
            Map.entry(922, "You left this chat"),
            Map.entry(925, "You are not admin of this chat"),
            Map.entry(927, "Chat does not exist"),
            Map.entry(931, "You can't change invite link for this chat"),
            Map.entry(935, "User not found in chat"),
            Map.entry(936, "Contact not found"),
            Map.entry(947, "Can't add user to chat, because user has no access to group"),
            Map.entry(1019, "User who want to join is not organization member"),
            Map.entry(1117, "Access token has expired"));

    private final int code;

    ApiError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The error with VK's standard message for its code. */
    static ApiError of(int code) {
        return new ApiError(code, standardMessage(code));
    }

    /** Error 100 with VK's prefix, e.g. "…missing or invalid: chat_id is undefined". */
    static ApiError param(String detail) {
        return new ApiError(100, STANDARD.get(100) + ": " + detail);
    }

    static String standardMessage(int code) {
        return STANDARD.getOrDefault(code, "Error " + code);
    }

    int code() {
        return code;
    }
}
