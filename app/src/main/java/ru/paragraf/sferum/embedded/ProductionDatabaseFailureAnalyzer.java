package ru.paragraf.sferum.embedded;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Turns a production start that cannot reach its database into Boot's short start-up failure report: no
 * {@code spring.datasource.url} at all (Boot's own report would suggest an in-memory database), or a PostgreSQL that
 * refuses the connection, the role, the password or the database. Asked before Boot's analyzers.
 */
class ProductionDatabaseFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final String SETUP = "See docs/operations.md#production-setup.";

    private final Environment environment;

    ProductionDatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public @Nullable FailureAnalysis analyze(Throwable failure) {
        if (EmbeddedMode.isOn(environment)) {
            return null;
        }
        var url = environment.getProperty("spring.datasource.url");
        if (!StringUtils.hasText(url)) {
            return dataSourceFailed(failure) ? missingUrl(failure) : null;
        }
        var refusal = find(failure, SQLException.class);
        if (refusal == null) {
            return null;
        }
        var action = action(refusal.getSQLState() == null ? "" : refusal.getSQLState());
        return action == null ? null : refused(url, refusal, action);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    private static FailureAnalysis missingUrl(Throwable failure) {
        return new FailureAnalysis(
                "Production mode (sferum.mode=production) has no database: spring.datasource.url is not set.",
                """
                Set the PostgreSQL database, role and password, e.g. in the environment:
                    SPRING_DATASOURCE_URL=jdbc:postgresql://db.example:5432/sferum
                    SPRING_DATASOURCE_USERNAME=sferum
                    SPRING_DATASOURCE_PASSWORD=<the role's password>
                (or leave sferum.mode unset and spring.datasource.url empty for the embedded default).
                """
                        + SETUP,
                failure);
    }

    private FailureAnalysis refused(String url, SQLException refusal, String action) {
        var user = environment.getProperty("spring.datasource.username", "");
        var description = "PostgreSQL refused the connection: %s (SQL state %s; spring.datasource.url=%s, username=%s)."
                .formatted(
                        refusal.getMessage(),
                        refusal.getSQLState(),
                        withoutParameters(url),
                        user.isEmpty() ? "(not set)" : user);
        return new FailureAnalysis(description, action, refusal);
    }

    /** What to do about a refusal of the connection or of the schemas' creation; {@code null} for other failures. */
    private static @Nullable String action(String state) {
        if (state.startsWith("08")) {
            return "Check that PostgreSQL runs and listens on the host and port of SPRING_DATASOURCE_URL "
                    + "(listen_addresses, pg_hba.conf, a firewall), and that SPRING_DATASOURCE_PASSWORD is set if the "
                    + "server asks for one. " + SETUP;
        }
        if (state.startsWith("28")) {
            return "Check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD against the role created in "
                    + "step 1 (`create role sferum login password '…'`), and that pg_hba.conf lets the role in "
                    + "from this host. " + SETUP;
        }
        if ("3D000".equals(state)) {
            return "Create the database (`create database sferum owner sferum;`) or correct its name at the end of "
                    + "SPRING_DATASOURCE_URL. " + SETUP;
        }
        if ("42501".equals(state)) {
            return "The role must own the database so that Flyway can create the schemas: "
                    + "`alter database sferum owner to sferum;`. " + SETUP;
        }
        return null;
    }

    /** The URL without its parameters, where a password could be given. */
    private static String withoutParameters(String url) {
        var query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    private static boolean dataSourceFailed(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BeanCreationException creation && "dataSource".equals(creation.getBeanName())) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
