package ru.paragraf.vkemulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/** users.get. */
final class UserMethods {

    private final EmulatorState state;

    UserMethods(EmulatorState state) {
        this.state = state;
    }

    /**
     * Ids or {@code idNNN} references; unknown numeric ids are left out, other unresolvable references give 113.
     * Without ids: the token's user, or an empty list for a community token.
     */
    Object get(ApiRequest request) {
        var references = request.params().list("user_ids");
        if (references.isEmpty() && request.params().has("user_id")) {
            references = List.of(request.params().get("user_id"));
        }
        if (references.isEmpty()) {
            references = request.byCommunity()
                    ? List.of()
                    : List.of(String.valueOf(request.token().ownerId()));
        }
        var fields = new HashSet<>(request.params().list("fields"));
        var users = new ArrayList<Profiles.UserObject>();
        for (var reference : references) {
            var user = state.directory.user(userId(reference));
            if (user != null) {
                users.add(Profiles.user(user, fields));
            }
        }
        return users;
    }

    private static long userId(String reference) {
        var digits = reference.startsWith("id") ? reference.substring(2) : reference;
        if (!Directory.isDigits(digits)) {
            throw ApiError.of(113);
        }
        return Long.parseLong(digits);
    }
}
