package ru.paragraf.vkemulator;

import java.util.Set;

/** An application registered with VK ID: its client_id and the exact redirect URIs it may use. */
record VkIdClient(String clientId, Set<String> redirectUris) {}
