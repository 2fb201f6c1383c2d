package ru.paragraf.sferum.embedded;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import ru.paragraf.vkemulator.EmulatorConfig;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * In embedded mode, starts the VK emulator in-process before the application context refreshes and points the
 * VK client at it ({@code sferum.vk.api-url}, {@code sferum.vk.id-url}). The emulator is a bean named
 * {@code vkEmulator} (for seeding demo communities and accounts) and stops with the context. In production mode
 * nothing happens: the application talks to api.vk.com and id.vk.com. It also gives {@code sferum.vkid.client-id}
 * a default, which {@link EmbeddedVkIdClient} registers with the emulator.
 */
class EmbeddedVkEmulator implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedVkEmulator.class);

    /** The diary's VK ID application id in embedded mode; known only to the in-process emulator. */
    static final String DEFAULT_VKID_CLIENT_ID = "51900001";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (!EmbeddedModeCondition.isEmbedded(environment)
                || !environment.getProperty("sferum.embedded.vk-emulator.enabled", Boolean.class, true)) {
            return;
        }
        var emulator = VkEmulator.start(EmulatorConfig.builder()
                .host(environment.getProperty("sferum.embedded.vk-emulator.host", "localhost"))
                .port(environment.getProperty("sferum.embedded.vk-emulator.port", Integer.class, 0))
                .build());
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
    }
}
