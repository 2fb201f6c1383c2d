package ru.paragraf.sferum.diary;

import java.util.LinkedHashMap;
import java.util.Map;
import ru.paragraf.sferum.secrets.SecretMask;

/** The form of {@code POST /oauth2/auth} that exchanges an authorization code, with the PKCE verifier. */
record AuthorizationCodeGrant(String code, String codeVerifier, String deviceId, String redirectUri, String state) {

    Map<String, String> form(String clientId) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("code_verifier", codeVerifier);
        form.put("client_id", clientId);
        form.put("device_id", deviceId);
        form.put("redirect_uri", redirectUri);
        form.put("state", state);
        return form;
    }

    @Override
    public String toString() {
        return "AuthorizationCodeGrant[code=%s, codeVerifier=%s, redirectUri=%s]"
                .formatted(SecretMask.mask(code), SecretMask.mask(codeVerifier), redirectUri);
    }
}
