package ru.paragraf.maxemulator;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One bot API call: the calling bot, the path variables, the query parameters and the JSON body (empty object if none). */
record Call(WorldData.BotAccount bot, Map<String, String> path, Map<String, String> query, JsonNode body) {

    /** The same call about the chat {@code chatId} (for methods that name the chat in the query). */
    Call withChat(String chatId) {
        return new Call(bot, Map.of("chatId", chatId), query, body);
    }

    long pathLong(String name) {
        return parseLong(name, path.get(name));
    }

    @Nullable
    String param(String name) {
        var value = query.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    String requiredParam(String name) {
        var value = param(name);
        if (value == null) {
            throw ApiException.badRequest("Missing required parameter: " + name);
        }
        return value;
    }

    @Nullable
    Long longParam(String name) {
        var value = param(name);
        return value == null ? null : parseLong(name, value);
    }

    /** An integer parameter within {@code min..max}, or {@code otherwise} when absent. */
    int intParam(String name, int min, int max, int otherwise) {
        var value = param(name);
        if (value == null) {
            return otherwise;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Parameter " + name + " must be an integer");
        }
        if (number < min || number > max) {
            throw ApiException.badRequest("Parameter " + name + " must be between " + min + " and " + max);
        }
        return number;
    }

    boolean boolParam(String name) {
        return "true".equals(param(name));
    }

    static long parseLong(String name, @Nullable String value) {
        try {
            return Long.parseLong(value == null ? "" : value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Parameter " + name + " must be an integer: " + value);
        }
    }
}
