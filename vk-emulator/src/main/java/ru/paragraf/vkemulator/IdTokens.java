package ru.paragraf.vkemulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs VK ID {@code id_token}s: HS256 JWTs with a key that lives as long as the emulator instance. */
final class IdTokens {

    private record Header(String alg, String typ) {}

    private record Claims(String iss, String sub, String aud, long iat, long exp) {}

    private final byte[] key = Secrets.urlSafe(32).getBytes(StandardCharsets.US_ASCII);
    private final String issuer;

    IdTokens(String issuer) {
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
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
