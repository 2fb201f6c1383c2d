package ru.paragraf.sferum.embedded;

import java.io.UncheckedIOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import ru.paragraf.maxemulator.EmulatorConfig;
import ru.paragraf.maxemulator.MaxEmulator;

/**
 * In embedded mode, starts the MAX emulator in-process beside the VK one and points the MAX client at it
 * ({@code sferum.max.api-url}): a bean named {@code maxEmulator} (for seeding the demo schools' bots and playing the
 * people who create chats and open deep links), stopped with the context. In production mode nothing happens: the
 * application talks to platform-api2.max.ru.
 *
 * <p>Its state (bots, chats, members, messages, the updates not yet read) is kept in a state file beside the
 * database, {@code data/max-emulator/state.json} for the default {@code data/pg}
 * ({@code sferum.embedded.max-emulator.state-file}; empty keeps it in memory only), saved before every answer, so a
 * restart or a kill -9 finds the chats the ledger knows.
 */
class EmbeddedMaxEmulator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMaxEmulator.class);

    static final String STATE_FILE = "sferum.embedded.max-emulator.state-file";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (!EmbeddedModeCondition.isEmbedded(environment)
                || !environment.getProperty("sferum.embedded.max-emulator.enabled", Boolean.class, true)) {
            return;
        }
        var stateFile = EmbeddedVkEmulator.stateFile(environment, STATE_FILE, "max-emulator");
        MaxEmulator emulator;
        try {
            emulator = MaxEmulator.start(EmulatorConfig.builder()
                    .host(environment.getProperty("sferum.embedded.max-emulator.host", "localhost"))
                    .port(environment.getProperty("sferum.embedded.max-emulator.port", Integer.class, 0))
                    .stateFile(stateFile)
                    .build());
        } catch (IllegalStateException e) {
            throw new EmbeddedDatabaseException(
                    e.getMessage() + ": another instance of the application runs with this data folder.",
                    "Stop the other instance of the application, or set sferum.embedded.database.data-directory to"
                            + " another directory (the emulator's state file follows it; " + STATE_FILE
                            + " sets the file alone).",
                    e);
        } catch (UncheckedIOException e) {
            throw new EmbeddedDatabaseException(
                    e.getMessage() + ".",
                    "Move the file away or delete it to start the in-process MAX afresh (it then forgets its chats),"
                            + " make its directory writable, or set " + STATE_FILE
                            + " to another file, or to nothing to keep it in memory only.",
                    e);
        }
        environment
                .getPropertySources()
                .addFirst(
                        new MapPropertySource("embeddedMaxEmulator", Map.of("sferum.max.api-url", emulator.baseUrl())));
        var beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("maxEmulator", emulator);
        beans.registerDisposableBean("maxEmulatorShutdown", emulator::close);
        log.info(
                "MAX emulator is running in-process at {} (not MAX: a stand-in for platform-api2.max.ru)",
                emulator.baseUrl());
        if (stateFile == null) {
            log.info("MAX emulator keeps its state in memory only: it forgets its chats when stopped");
        } else {
            log.info(
                    "MAX emulator keeps its state in {} ({} chats)",
                    stateFile.toAbsolutePath().normalize(),
                    emulator.chats().size());
        }
    }
}
