package ru.paragraf.vkemulator;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The parameters of {@code GET /authorize}, carried through the login form as hidden fields. */
record AuthorizationRequest(
        @Nullable String clientId,
        @Nullable String redirectUri,
        @Nullable String responseType,
        @Nullable String state,
        @Nullable String codeChallenge,
        @Nullable String codeChallengeMethod,
        @Nullable String scope,
        @Nullable String prompt) {

    static AuthorizationRequest from(Params params) {
        return new AuthorizationRequest(
                params.get("client_id"),
                params.get("redirect_uri"),
                params.get("response_type"),
                params.get("state"),
                params.get("code_challenge"),
                params.get("code_challenge_method"),
                params.get("scope"),
                params.get("prompt"));
    }

    String scopeOrDefault() {
        return scope == null ? "vkid.personal_info" : scope;
    }

    /** The fields the login form must send back, in a stable order. */
    Map<String, @Nullable String> hiddenFields() {
        var fields = new LinkedHashMap<String, @Nullable String>();
        fields.put("client_id", clientId);
        fields.put("redirect_uri", redirectUri);
        fields.put("response_type", responseType);
        fields.put("state", state);
        fields.put("code_challenge", codeChallenge);
        fields.put("code_challenge_method", codeChallengeMethod);
        fields.put("scope", scope);
        fields.put("prompt", prompt);
        fields.values().removeIf(value -> value == null);
        return fields;
    }
}
