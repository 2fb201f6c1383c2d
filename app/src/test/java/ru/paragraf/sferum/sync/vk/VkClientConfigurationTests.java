package ru.paragraf.sferum.sync.vk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The client bean from {@code sferum.vk.*}: VK's defaults, overrides, and meters without secrets. */
class VkClientConfigurationTests {

    final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(VkClientConfiguration.class);

    @Test
    void defaultsToRealVkAndItsLimits() {
        context.run(it -> {
            var properties = it.getBean(VkProperties.class);
            assertThat(properties.apiUrl()).isEqualTo("https://api.vk.com");
            assertThat(properties.idUrl()).isEqualTo("https://id.vk.com");
            assertThat(properties.version()).isEqualTo("5.199");
            assertThat(properties.rateLimit().communityPerSecond()).isEqualTo(20);
            assertThat(properties.rateLimit().userPerSecond()).isEqualTo(3);
            assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(15));
            assertThat(properties.methodUrl("users.get")).isEqualTo("https://api.vk.com/method/users.get");
        });
    }

    @Test
    void callsTheConfiguredApiAndRecordsMetersWithoutSecrets() {
        try (var world = new VkWorld()) {
            context.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    .withPropertyValues(
                            "sferum.vk.api-url=" + world.emulator.baseUrl() + "/", "sferum.vk.version=5.131")
                    .run(it -> {
                        var outcome = it.getBean(VkClient.class).call(world.school(), VkGroups.GetById.own());

                        assertThat(outcome.isOk()).isTrue();
                        var meters = it.getBean(MeterRegistry.class);
                        var timer = meters.get("sferum.vk.requests")
                                .tag("method", "groups.getById")
                                .tag("token", "community")
                                .tag("outcome", "ok")
                                .timer();
                        assertThat(timer.count()).isEqualTo(1);
                        assertThat(meters.getMeters())
                                .flatMap(meter -> meter.getId().getTags())
                                .noneMatch(tag -> tag.getValue().contains(VkWorld.SCHOOL_TOKEN)
                                        || tag.getValue()
                                                .contains(world.school().fingerprint()));
                    });
        }
    }
}
