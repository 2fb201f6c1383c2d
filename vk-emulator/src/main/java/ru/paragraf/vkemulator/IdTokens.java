package ru.paragraf.vkemulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs VK ID {@code id_token}s: HS256 JWTs with the emulator's key (kept in the state file when there is one, so it
 * outlives a restart as VK's keys do).
 */
final class IdTokens {

    private record Header(String alg, String typ) {}

    private record Claims(String iss, String sub, String aud, long iat, long exp) {}

    private final VkIdGrants grants;
    private final String issuer;

    IdTokens(VkIdGrants grants, String issuer) {
        this.grants = grants;
        this.issuer = issuer;
    }

    String issue(long userId, String clientId, long nowSeconds, long lifetimeSeconds) {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var header = encoder.encodeToString(Json.bytes(new Header("HS256", "JWT")));
        var claims = encoder.encodeToString(Json.bytes(
                new Claims(issuer, String.valueOf(userId), clientId, nowSeconds, nowSeconds + lifetimeSeconds)));
        var signingInput = header + "." + claims;
        return signingInput + "." + encoder.encodeToString(sign(signingInput));
    }

    private byte[] sign(String input) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(grants.signingKey().getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
