package ru.paragraf.sferum.embedded;

import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import ru.paragraf.vkemulator.Seed;
import ru.paragraf.vkemulator.VkEmulator;

/**
 * In embedded mode, registers the diary's VK ID application ({@code sferum.vkid.client-id}) with the in-process
 * emulator as soon as the web server's port is known, with the callback at localhost and 127.0.0.1 (and the
 * configured {@code sferum.vkid.redirect-uri}), so «Привязать к VK ID» works out of the box.
 */
@Component
@ConditionalOnEmbeddedMode
class EmbeddedVkIdClient {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedVkIdClient.class);
    private static final String CALLBACK = "/diary/vkid/callback";

    private final ObjectProvider<VkEmulator> emulator;
    private final Environment environment;

    EmbeddedVkIdClient(ObjectProvider<VkEmulator> emulator, Environment environment) {
        this.emulator = emulator;
        this.environment = environment;
    }

    @EventListener
    void on(WebServerInitializedEvent event) {
        var vk = emulator.getIfAvailable();
        var clientId = environment.getProperty("sferum.vkid.client-id");
        if (vk == null
                || clientId == null
                || clientId.isBlank()
                || event.getApplicationContext().getServerNamespace() != null) {
            return; // no emulator, no client, or the management server's own port
        }
        var port = event.getWebServer().getPort();
        var contextPath = environment.getProperty("server.servlet.context-path", "");
        var redirectUris = new LinkedHashSet<String>();
        redirectUris.add("http://localhost:" + port + contextPath + CALLBACK);
        redirectUris.add("http://127.0.0.1:" + port + contextPath + CALLBACK);
        var configured = environment.getProperty("sferum.vkid.redirect-uri");
        if (configured != null && !configured.isBlank()) {
            redirectUris.add(configured);
        }
        vk.addClient(new Seed.Client(clientId, List.copyOf(redirectUris)));
        log.info("VK ID application {} registered with the VK emulator, callback {}", clientId, redirectUris);
    }
}
