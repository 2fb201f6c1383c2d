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
 * @param accountLogin which column of users.csv is the login of a person's account: {@code username} (the
 *     default), {@code email} or {@code sourcedId}; the identity provider's claim of {@code sferum.sso.username-claim}
 *     must carry the same value
 */
@ConfigurationProperties("sferum.school.oneroster")
record OneRosterProperties(
        @DefaultValue("20MB") DataSize maxUploadSize,
        @DefaultValue("200MB") DataSize maxUncompressedSize,
        @DefaultValue("1000") int maxReportedProblems,
        @DefaultValue("username") AccountLogin accountLogin) {

    /** The users.csv column that gives the login of an account. */
    enum AccountLogin {
        USERNAME("username"),
        EMAIL("email"),
        SOURCED_ID("sourcedId");

        private final String column;

        AccountLogin(String column) {
            this.column = column;
        }

        String column() {
            return column;
        }
    }
}
