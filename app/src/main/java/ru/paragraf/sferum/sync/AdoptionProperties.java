package ru.paragraf.sferum.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Adopting chats made in MAX.
 *
 * @param codeTtl how long a chat adoption code shown on the journal page may be sent in a chat
 */
@ConfigurationProperties("sferum.sync.adoption")
record AdoptionProperties(@DefaultValue("7d") Duration codeTtl) {}
