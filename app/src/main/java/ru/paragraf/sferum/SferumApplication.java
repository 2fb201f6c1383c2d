package ru.paragraf.sferum;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The Paragraf ↔ VK Sferum integration: one deployable modular monolith. */
@SpringBootApplication
public class SferumApplication {

    public static void main(String[] args) {
        SpringApplication.run(SferumApplication.class, args);
    }

    /** What "today" is; St Petersburg's time, since school days begin and end there. Tests replace it. */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/Moscow"));
    }
}
