package ru.paragraf.sferum.exchange;

import org.springframework.boot.builder.SpringApplicationBuilder;
import ru.paragraf.sferum.SferumApplication;

/** Starts the whole application with the slow task type: a cluster node in a JVM of its own. */
public final class ClusterNode {

    private ClusterNode() {}

    public static void main(String[] args) {
        new SpringApplicationBuilder(SferumApplication.class, SlowTaskType.class).run(args);
    }
}
