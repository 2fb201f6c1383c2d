package ru.paragraf.sferum.diary;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The diary's VK ID application (OAuth 2.1 client). VK ID itself is at {@code sferum.vk.id-url}.
 *
 * @param clientId the VK ID application id; without it the «Чаты» tab says that linking is not configured
 * @param redirectUri the callback registered at VK ID; by default built from the request's base URL
 * @param scopes space-separated scopes asked for at {@code /authorize}
 * @param connectTimeout how long to wait for a connection to VK ID
 * @param readTimeout how long to wait for VK ID's answer
 * @param authorizationLifetime how long a started authorization may take until its callback
 * @param refreshMargin an access token expiring within this margin is refreshed before it is handed out
 * @param transferLockTimeout how long the transfer into the staff file waits for locks before it fails (and is
 *     retried from the event publication registry)
 */
@ConfigurationProperties("sferum.vkid")
record VkIdProperties(
        @Nullable String clientId,
        @Nullable URI redirectUri,
        @DefaultValue("vkid.personal_info") String scopes,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("10m") Duration authorizationLifetime,
        @DefaultValue("5m") Duration refreshMargin,
        @DefaultValue("10s") Duration transferLockTimeout) {

    boolean configured() {
        return clientId != null && !clientId.isBlank();
    }
}
