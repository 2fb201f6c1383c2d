package ru.paragraf.sferum.school;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The lesson video links a teacher may paste (for a school whose messenger cannot start calls): https only, to one
 * of these hosts or their subdomains.
 *
 * @param allowedHosts the video services the city allows, e.g. {@code telemost.yandex.ru}
 */
@ConfigurationProperties("sferum.school.video-link")
record VideoLinkProperties(
        @DefaultValue({"telemost.yandex.ru", "telemost.360.yandex.ru", "jazz.sber.ru", "salutejazz.ru", "ktalk.ru"})
                List<String> allowedHosts) {}
