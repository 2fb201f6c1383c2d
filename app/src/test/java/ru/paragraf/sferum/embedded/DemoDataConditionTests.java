package ru.paragraf.sferum.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Demo mode follows embedded mode unless {@code sferum.demo.enabled} says otherwise. */
class DemoDataConditionTests {

    private static final String EXTERNAL_DATABASE = "spring.datasource.url=jdbc:postgresql://db.example/sferum";

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(DemoOnly.class);

    @Test
    void isOnInEmbeddedMode() {
        runner.run(context -> assertThat(context).hasBean("demoPart"));
    }

    @Test
    void isOffInProductionMode() {
        runner.withPropertyValues(EXTERNAL_DATABASE)
                .run(context -> assertThat(context).doesNotHaveBean("demoPart"));
        runner.withPropertyValues("sferum.mode=production")
                .run(context -> assertThat(context).doesNotHaveBean("demoPart"));
    }

    @Test
    void followsAnExplicitSettingInEitherMode() {
        runner.withPropertyValues(EXTERNAL_DATABASE, "sferum.demo.enabled=true")
                .run(context -> assertThat(context).hasBean("demoPart"));
        runner.withPropertyValues("sferum.demo.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("demoPart"));
    }

    @Configuration(proxyBeanMethods = false)
    static class DemoOnly {

        @Bean
        @ConditionalOnDemoData
        String demoPart() {
            return "demo";
        }
    }
}
