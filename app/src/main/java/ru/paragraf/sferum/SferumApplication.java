package ru.paragraf.sferum;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Paragraf ↔ VK Sferum integration: one deployable modular monolith. */
@SpringBootApplication
public class SferumApplication {

    public static void main(String[] args) {
        SpringApplication.run(SferumApplication.class, args);
    }
}
