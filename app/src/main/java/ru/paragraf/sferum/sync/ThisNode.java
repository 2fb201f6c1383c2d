package ru.paragraf.sferum.sync;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This process among the sync engine's nodes: the name it leases communities, claims operations and records
 * {@code finished_by} under. The JVM's name with a random suffix, so that a restarted process is a new node.
 */
@Component
final class ThisNode {

    private final String name = ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    String name() {
        return name;
    }
}
