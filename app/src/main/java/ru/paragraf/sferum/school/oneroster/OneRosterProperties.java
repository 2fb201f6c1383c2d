package ru.paragraf.sferum.school.oneroster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the OneRoster import. The multipart limits of the server (spring.servlet.multipart.*) are set higher
 * than {@code maxUploadSize}, so that a file just too large gets a clear answer instead of a refused request.
 *
 * @param maxUploadSize the largest ZIP accepted
 * @param maxUncompressedSize the most the files of a ZIP may hold together once unpacked
 * @param maxReportedProblems how many problems a report lists; all of them are counted
 */
@ConfigurationProperties("sferum.school.oneroster")
record OneRosterProperties(
        @DefaultValue("20MB") DataSize maxUploadSize,
        @DefaultValue("200MB") DataSize maxUncompressedSize,
        @DefaultValue("1000") int maxReportedProblems) {}
