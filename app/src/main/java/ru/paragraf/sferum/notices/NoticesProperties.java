package ru.paragraf.sferum.notices;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When people are told by mail, and how the mail looks. The SMTP server is Spring Boot's {@code spring.mail.*}; with
 * no {@code spring.mail.host} nothing is sent and the mail is kept for {@code /demo/mail}.
 *
 * @param digestCron when the daily digests go out (Quartz cron, St Petersburg time)
 * @param summaryCron when the district operators' summary of schools not ready is made (Quartz cron)
 * @param mailFrom the sender of the digests
 * @param baseUrl how people reach the application, for the links in the digests
 */
@Validated
@ConfigurationProperties("sferum.notices")
record NoticesProperties(
        @DefaultValue("0 0 7 * * ?") String digestCron,
        @DefaultValue("0 30 6 * * ?") String summaryCron,
        @DefaultValue("sferum-noreply@localhost") String mailFrom,
        @DefaultValue("http://localhost:8080") String baseUrl) {}
