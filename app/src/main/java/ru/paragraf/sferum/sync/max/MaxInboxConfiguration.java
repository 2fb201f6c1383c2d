package ru.paragraf.sferum.sync.max;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import ru.paragraf.sferum.embedded.ConditionalOnEmbeddedMode;
import ru.paragraf.sferum.linkbase.VerifiedBots;

/** The MAX updates inbox: intake (pollers, webhook), the dispatcher to the {@link MaxUpdateHandler}s, the meters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MaxInboxProperties.class)
class MaxInboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MaxInboxConfiguration.class);

    @Bean
    MaxInboxMetrics maxInboxMetrics(ObjectProvider<MeterRegistry> registry) {
        return new MaxInboxMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    MaxDispatcher maxDispatcher(
            MaxInbox inbox,
            List<MaxUpdateHandler> handlers,
            TransactionTemplate transactions,
            MaxInboxProperties properties,
            MaxInboxMetrics metrics,
            Clock clock) {
        return new MaxDispatcher(inbox, handlers, transactions, properties, metrics, clock);
    }

    @Bean
    MaxIntake maxIntake(
            MaxInbox inbox,
            MaxFeeds feeds,
            TransactionTemplate transactions,
            MaxDispatcher dispatcher,
            MaxInboxMetrics metrics) {
        return new MaxIntake(inbox, feeds, transactions, dispatcher, metrics);
    }

    @Bean
    MaxSubscriptions maxSubscriptions(
            MaxFeeds feeds, VerifiedBots bots, MaxClient client, MaxInboxProperties properties) {
        return new MaxSubscriptions(feeds, bots, client, properties);
    }

    @Bean
    MaxPollers maxPollers(
            VerifiedBots bots,
            MaxFeeds feeds,
            MaxIntake intake,
            MaxSubscriptions subscriptions,
            MaxClient client,
            MaxInboxProperties properties) {
        return new MaxPollers(bots, feeds, intake, subscriptions, client, properties);
    }

    /**
     * In the embedded default this process is the only node (OrphanedWork): a bot lease held at start was held by a
     * process that died, and is given back before the pollers start rather than after it expires.
     */
    @Bean
    @ConditionalOnEmbeddedMode
    SmartLifecycle maxOrphanedLeases(MaxFeeds feeds, MaxPollers pollers) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                var released = feeds.releaseAllBut(pollers.node());
                if (released > 0) {
                    log.info("MAX updates: {} bot lease(s) of a previous run were given back", released);
                }
                running = true;
            }

            @Override
            public void stop() {
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return DEFAULT_PHASE - 1;
            }
        };
    }
}
