package ru.paragraf.sferum.diary;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Linking MAX accounts from the diary.
 *
 * @param startCodeTtl how long the deep link «Привязать MAX» shows may be opened
 */
@ConfigurationProperties("sferum.diary.max")
record DiaryMaxProperties(@DefaultValue("30m") Duration startCodeTtl) {}
