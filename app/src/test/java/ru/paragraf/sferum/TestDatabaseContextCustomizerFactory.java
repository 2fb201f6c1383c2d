package ru.paragraf.sferum;

import java.util.List;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context its own fresh database in the shared test PostgreSQL, before the context
 * refreshes. With a datasource URL set, the application runs in production mode (no embedded server, no demo
 * data) unless a test asks otherwise.
 */
class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new TestDatabaseCustomizer();
    }

    /** Equal to every other instance, so that Spring's context cache still shares equal contexts. */
    static final class TestDatabaseCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            var environment = context.getEnvironment();
            if (environment.containsProperty("spring.datasource.url")) {
                return;
            }
            var url = TestDatabases.createDatabase("ctx");
            TestDatabases.acquire();
            // Registered first, so destroyed last: after every bean that still talks to the database on close,
            // and also when the context fails to start.
            ((DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("testDatabaseLease", TestDatabases::release);
            // Quartz registers its connection providers JVM-wide under the scheduler's name: contexts living side
            // by side in this JVM need names of their own, or one context's scheduler uses another's database.
            TestPropertyValues.of(
                            "spring.datasource.url=" + url,
                            "spring.datasource.username=postgres",
                            "spring.datasource.password=",
                            "spring.quartz.scheduler-name=sferum-" + url.substring(url.lastIndexOf('/') + 1))
                    .applyTo(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestDatabaseCustomizer;
        }

        @Override
        public int hashCode() {
            return TestDatabaseCustomizer.class.hashCode();
        }
    }
}
