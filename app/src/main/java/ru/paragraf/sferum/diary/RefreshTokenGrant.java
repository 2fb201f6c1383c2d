package ru.paragraf.sferum.diary;

import java.util.LinkedHashMap;
import java.util.Map;
import ru.paragraf.sferum.secrets.SecretMask;

/** The form of {@code POST /oauth2/auth} that trades a refresh token for new tokens. */
record RefreshTokenGrant(String refreshToken, String deviceId, String state) {

    Map<String, String> form(String clientId) {
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", clientId);
        form.put("device_id", deviceId);
        form.put("state", state);
        return form;
    }

    @Override
    public String toString() {
        return "RefreshTokenGrant[refreshToken=%s]".formatted(SecretMask.mask(refreshToken));
    }
}
