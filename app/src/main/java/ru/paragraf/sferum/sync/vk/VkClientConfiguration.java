package ru.paragraf.sferum.sync.vk;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The VK client bean, configured from {@code sferum.vk.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VkProperties.class)
class VkClientConfiguration {

    @Bean
    VkClient vkClient(VkProperties properties, ObjectProvider<MeterRegistry> registry) {
        return new VkClient(properties, registry.getIfAvailable(SimpleMeterRegistry::new));
    }
}
