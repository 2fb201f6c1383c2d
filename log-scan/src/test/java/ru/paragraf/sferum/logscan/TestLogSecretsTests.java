package ru.paragraf.sferum.logscan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * DESIGN §4 and §8: community and user tokens, VK ID codes and verifiers, and the encryption keys never appear in a
 * log. This scan reads every log the build's tests wrote — each test JVM's output (surefire's {@code *-output.txt}),
 * the logs of the application nodes the crash and cluster tests started, the emulator's — and fails on any line
 * with a secret in it. It runs in the last module of the build, after all of them. (The emulator's own tests print
 * nothing, so its module usually leaves no output file; the emulator's logging in the app's tests is scanned there.)
 */
class TestLogSecretsTests {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final List<String> MODULES = List.of("app", "vk-emulator", "bench");

    @Test
    void noTestLogOfTheBuildHasASecretInIt() throws IOException {
        var patterns = SecretPatterns.with(configuredSecrets());
        var logs = logs();
        // secrets are ASCII; reading bytes as Latin-1 never fails on whatever else a log holds
        var findings = new ArrayList<String>();
        long lines = 0;
        for (var log : logs) {
            var number = 0;
            try (var reader = Files.newBufferedReader(log, StandardCharsets.ISO_8859_1)) {
                for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                    number++;
                    var secret = patterns.find(line);
                    if (secret.isPresent()) {
                        findings.add(
                                "%s:%d: %s".formatted(ROOT.relativize(log), number, SecretPatterns.mask(secret.get())));
                    }
                }
            }
            lines += number;
        }
        System.out.printf("log-scan: %d logs, %d lines, %d secrets%n", logs.size(), lines, findings.size());
        findings.forEach(System.out::println);

        assertThat(logs.stream().filter(log -> log.startsWith(ROOT.resolve("app"))))
                .as("the application's test logs (run the whole build: ./mvnw verify)")
                .hasSizeGreaterThan(20);
        assertThat(findings).isEmpty();
    }

    @Test
    void theScanFindsTokensCodesAndKeysButNotTheirMasks() {
        var patterns = SecretPatterns.with(List.of("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
        assertThat(patterns.find("token vk1.a.sync-engine-tests-community-token-of-school-a-7f3c refused"))
                .isPresent();
        assertThat(patterns.find("{\"access_token\":\"vk2.a.Zx8_kLq-0aa\"}")).isPresent();
        assertThat(patterns.find("GET /diary/vkid/callback?code=Qm9vdGVkLWNvZGUtdmFsdWU&state=x"))
                .isPresent();
        assertThat(patterns.find("code_verifier: dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
                .isPresent();
        assertThat(patterns.find("key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= loaded"))
                .isPresent();

        assertThat(patterns.find("VK call failed, token vk1.a.****…9f3c: messages.createChat"))
                .isEmpty();
        assertThat(patterns.find("error_code=5 code=27 user authorization failed"))
                .isEmpty();
        assertThat(patterns.find("Employee fd025042-c361-49f2-b8b3-e1d2ec372b6c linked VK user 710000050"))
                .isEmpty();
    }

    /** The encryption keys the tests are configured with: they are secrets as much as the tokens. */
    private static List<String> configuredSecrets() throws IOException {
        var properties = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve("app/src/test/resources/config/application.properties"))) {
            properties.load(in);
        }
        return properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith("sferum.secrets.keys."))
                .map(properties::getProperty)
                .toList();
    }

    private static List<Path> logs() throws IOException {
        var logs = new ArrayList<Path>();
        for (var module : MODULES) {
            var target = ROOT.resolve(module).resolve("target");
            if (!Files.isDirectory(target)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(target)) {
                files.filter(Files::isRegularFile)
                        .filter(file -> !file.toString().contains("/classes/")
                                && !file.toString().contains("/test-classes/"))
                        .filter(file -> {
                            var name = file.getFileName().toString();
                            return name.endsWith("-output.txt") || name.endsWith(".log");
                        })
                        .forEach(logs::add);
            }
        }
        return logs;
    }
}
