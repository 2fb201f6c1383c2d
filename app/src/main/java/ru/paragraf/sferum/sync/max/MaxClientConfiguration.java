package ru.paragraf.sferum.sync.max;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The MAX client bean, configured from {@code sferum.max.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaxProperties.class)
class MaxClientConfiguration {

    @Bean
    MaxClient maxClient(MaxProperties properties, ObjectProvider<MeterRegistry> registry) {
        return new MaxClient(properties, registry.getIfAvailable(SimpleMeterRegistry::new));
    }
}
