package ru.paragraf.sferum.accounts;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first city operator of a new installation from {@code sferum.bootstrap.operator}, so that nobody has to
 * write SQL: at every start, while no city operator exists. Once one exists the settings are ignored, and never reset
 * a password. Nodes starting together agree through a transaction-scoped advisory lock: one creates, the others see
 * the operator. The password is neither logged nor audited.
 */
@Component
@EnableConfigurationProperties(BootstrapOperatorProperties.class)
class FirstOperator implements ApplicationRunner {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger log = LoggerFactory.getLogger(FirstOperator.class);
    private static final long LOCK = 0x5FE2_AC01L;

    private final BootstrapOperatorProperties settings;
    private final AccountRegistration registration;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    FirstOperator(
            BootstrapOperatorProperties settings,
            AccountRegistration registration,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            MessageSource messages) {
        this.settings = settings;
        this.registration = registration;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.events = events;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (settings.given()) {
            createIfNone(settings);
        }
    }

    /** Creates the operator the settings describe unless a city operator exists; fails on unusable settings. */
    void createIfNone(BootstrapOperatorProperties settings) {
        var username = username(settings);
        var password = password(settings);
        transaction.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:lock)")
                    .param("lock", LOCK)
                    .query()
                    .singleRow();
            var operators = jdbc.sql("select count(*) from accounts.user_account where role = 'CITY_OPERATOR'")
                    .query(Integer.class)
                    .single();
            if (operators > 0) {
                log.info(
                        "A city operator exists already: sferum.bootstrap.operator ({}) is ignored, no account or "
                                + "password was changed. Remove the setting from the configuration.",
                        username);
                return;
            }
            if (registration.exists(username)) {
                throw new FirstOperatorException(
                        "sferum.bootstrap.operator.username '%s' is the login of an existing account that is not a city operator."
                                .formatted(username),
                        "Choose another user name for the first city operator. " + FirstOperatorException.DOCS);
            }
            var account = registration.register(NewAccount.cityOperator(username, displayName(settings)), password);
            events.publishEvent(new FirstOperatorCreated(account, username, startedBy()));
            log.info(
                    "Created the first city operator '{}' from sferum.bootstrap.operator (the password is not logged). "
                            + "Log in, then remove the password from the configuration: it is never used again.",
                    username);
        });
    }

    private static String username(BootstrapOperatorProperties settings) {
        var username = settings.username() == null ? "" : settings.username().trim();
        if (username.isEmpty()) {
            throw new FirstOperatorException(
                    "A password for the first city operator is configured, but sferum.bootstrap.operator.username "
                            + "(SFERUM_BOOTSTRAP_OPERATOR_USERNAME) is not.",
                    "Set the operator's user name as well. " + FirstOperatorException.DOCS);
        }
        return username;
    }

    private static String password(BootstrapOperatorProperties settings) {
        if (settings.password() != null && !settings.password().isEmpty() && settings.passwordFile() != null) {
            throw new FirstOperatorException(
                    "Both sferum.bootstrap.operator.password and password-file are set for the first city operator.",
                    "Keep one of SFERUM_BOOTSTRAP_OPERATOR_PASSWORD and SFERUM_BOOTSTRAP_OPERATOR_PASSWORDFILE. "
                            + FirstOperatorException.DOCS);
        }
        var file = settings.passwordFile();
        var password = file != null ? read(file) : settings.password();
        if (password == null || password.isEmpty()) {
            throw new FirstOperatorException(
                    "sferum.bootstrap.operator.username is set, but no password for the first city operator: neither "
                            + "SFERUM_BOOTSTRAP_OPERATOR_PASSWORD nor SFERUM_BOOTSTRAP_OPERATOR_PASSWORDFILE.",
                    "Give the initial password in one of them. " + FirstOperatorException.DOCS);
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new FirstOperatorException(
                    "The first city operator's password is shorter than %d characters.".formatted(MIN_PASSWORD_LENGTH),
                    "Give a longer one, e.g. from `openssl rand -base64 18`. " + FirstOperatorException.DOCS);
        }
        return password;
    }

    private static String read(Path passwordFile) {
        var file = passwordFile.toAbsolutePath();
        try {
            return Files.readString(file).replaceFirst("\\R+\\z", "");
        } catch (IOException e) {
            throw new FirstOperatorException(
                    "The first city operator's password file %s cannot be read: %s".formatted(file, e),
                    "Check sferum.bootstrap.operator.password-file (SFERUM_BOOTSTRAP_OPERATOR_PASSWORDFILE) and "
                            + "the file's permissions for the user that runs the application. "
                            + FirstOperatorException.DOCS);
        }
    }

    private String displayName(BootstrapOperatorProperties settings) {
        var name = settings.displayName();
        return name != null && !name.isBlank()
                ? name.trim()
                : messages.getMessage("accounts.firstOperator.displayName", null, Locale.forLanguageTag("ru"));
    }

    private static String startedBy() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown host";
        }
        return System.getProperty("user.name") + "@" + host;
    }
}
