package ru.paragraf.sferum.diary;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where VK ID is: id.vk.com in production, the emulator elsewhere (embedded mode sets it).
 *
 * @param idUrl base URL of VK ID; {@code /authorize} and {@code /oauth2/*} lie under it
 */
@ConfigurationProperties("sferum.vk")
record VkIdEndpoint(@DefaultValue("https://id.vk.com") URI idUrl) {

    URI resolve(String path) {
        var base = idUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
