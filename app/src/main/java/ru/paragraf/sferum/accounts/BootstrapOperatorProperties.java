package ru.paragraf.sferum.accounts;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first city operator of a new installation, created at start while no city operator exists; ignored once one
 * does. See docs/operations.md, «Production setup».
 *
 * @param username the operator's login
 * @param password the initial password (at least 12 characters); or
 * @param passwordFile a file holding it (a secret mounted by the deployment), its trailing line break ignored
 * @param displayName the name shown for the operator; by default «Оператор города» from the messages
 */
@ConfigurationProperties("sferum.bootstrap.operator")
record BootstrapOperatorProperties(
        @Nullable String username,
        @Nullable String password,
        @Nullable Path passwordFile,
        @Nullable String displayName) {

    boolean given() {
        return username != null && !username.isBlank()
                || password != null && !password.isEmpty()
                || passwordFile != null;
    }
}
