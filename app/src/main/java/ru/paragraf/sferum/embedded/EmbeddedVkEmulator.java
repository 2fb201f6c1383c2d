package ru.paragraf.sferum.embedded;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.StateFileException;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * In embedded mode, starts the VK emulator in-process before the application context refreshes and points the
 * VK client at it ({@code sferum.vk.api-url}, {@code sferum.vk.id-url}). The emulator is a bean named
 * {@code vkEmulator} (for seeding demo communities and accounts) and stops with the context. In production mode
 * nothing happens: the application talks to api.vk.com and id.vk.com. It also gives {@code sferum.vkid.client-id}
 * a default, which {@link EmbeddedVkIdClient} registers with the emulator.
 *
 * <p>The emulator remembers what VK would (chats, members, messages, calls, tokens, VK ID grants) in a state file
 * beside the database, {@code data/vk-emulator/state.json} for the default {@code data/pg}
 * ({@code sferum.embedded.vk-emulator.state-file}; empty keeps it in memory only), so after a restart, or a kill -9,
 * the chats and calls the ledger knows still exist. Every change is saved before the emulator answers it; the last
 * save on a normal shutdown is made when the context closes.
 */
class EmbeddedVkEmulator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedVkEmulator.class);

    /** The diary's VK ID application id in embedded mode; known only to the in-process emulator. */
    static final String DEFAULT_VKID_CLIENT_ID = "51900001";

    static final String STATE_FILE = "sferum.embedded.vk-emulator.state-file";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (!EmbeddedModeCondition.isEmbedded(environment)
                || !environment.getProperty("sferum.embedded.vk-emulator.enabled", Boolean.class, true)) {
            return;
        }
        var stateFile = stateFile(environment);
        VkEmulator emulator;
        try {
            emulator = VkEmulator.start(EmulatorConfig.builder()
                    .host(environment.getProperty("sferum.embedded.vk-emulator.host", "localhost"))
                    .port(environment.getProperty("sferum.embedded.vk-emulator.port", Integer.class, 0))
                    .stateFile(stateFile)
                    .build());
        } catch (StateFileException e) {
            throw refusal(e);
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "embeddedVkEmulator",
                        Map.of("sferum.vk.api-url", emulator.baseUrl(), "sferum.vk.id-url", emulator.baseUrl())));
        // lowest precedence: a configured client id wins; EmbeddedVkIdClient registers it with the emulator
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "embeddedVkIdDefaults", Map.of("sferum.vkid.client-id", DEFAULT_VKID_CLIENT_ID)));
        var beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton("vkEmulator", emulator);
        beans.registerDisposableBean("vkEmulatorShutdown", emulator::close);
        log.info(
                "VK emulator is running in-process at {} (not VK: a stand-in for api.vk.com and id.vk.com)",
                emulator.baseUrl());
        if (stateFile == null) {
            log.info("VK emulator keeps its state in memory only: it forgets its chats and calls when stopped");
        } else {
            var state = emulator.snapshot();
            log.info(
                    "VK emulator keeps its state in {} ({} chats, {} calls)",
                    stateFile.toAbsolutePath().normalize(),
                    state.chats().size(),
                    state.calls().size());
        }
    }

    /**
     * {@code sferum.embedded.vk-emulator.state-file}; when unset, {@code vk-emulator/state.json} beside the database
     * directory; empty: none.
     */
    private static @Nullable Path stateFile(ConfigurableEnvironment environment) {
        return stateFile(environment, STATE_FILE, "vk-emulator");
    }

    /**
     * An in-process emulator's state file: the {@code property} if set (empty: none), else
     * {@code <folder>/state.json} beside the database directory.
     */
    static @Nullable Path stateFile(ConfigurableEnvironment environment, String property, String folder) {
        var configured = environment.getProperty(property);
        if (configured != null) {
            return configured.isBlank() ? null : Path.of(configured.trim());
        }
        var database = Binder.get(environment).bindOrCreate("sferum.embedded.database", EmbeddedProperties.class);
        var dataDirectory = database.dataDirectory().toAbsolutePath().normalize();
        var beside = dataDirectory.getParent() == null ? dataDirectory : dataDirectory.getParent();
        return beside.resolve(folder).resolve("state.json");
    }

    /** The state file cannot be used: a start-up failure report saying what to do. */
    private static EmbeddedDatabaseException refusal(StateFileException e) {
        var action =
                switch (e.problem()) {
                    case IN_USE -> "Stop the other instance of the application, or set "
                            + "sferum.embedded.database.data-directory to another directory (the emulator's state file "
                            + "follows it; " + STATE_FILE + " sets the file alone).";
                    case UNREADABLE, UNKNOWN_FORMAT -> "Move " + e.file() + " away or delete it to start the in-process"
                            + " VK afresh (it then forgets its chats, calls and tokens; the next video lessons create new"
                            + " ones), or set " + STATE_FILE
                            + " to another file, or to nothing to keep it in memory only.";
                    case NOT_WRITABLE -> "Make the directory writable, or set " + STATE_FILE
                            + " to a file in a writable"
                            + " place, or to nothing to keep the in-process VK in memory only.";
                };
        var description = e.problem() == StateFileException.Problem.IN_USE
                ? "The VK emulator's state file " + e.file() + " is in use by another process: another instance of"
                        + " the application runs with this data folder."
                : e.getMessage();
        return new EmbeddedDatabaseException(description, action, e);
    }
}
