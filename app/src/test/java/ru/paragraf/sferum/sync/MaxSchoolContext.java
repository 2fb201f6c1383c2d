package ru.paragraf.sferum.sync;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.annotation.AliasFor;

/**
 * The Spring test of a MAX school beside a VK one, as every MAX test class runs it: the whole application with MockMvc,
 * one test instance per class, the queue pumped and MAX's calls retried fast. Where a class needs more, it adds
 * {@link #HOLD_SHARE} or {@link #INBOX} with {@code @TestPropertySource}; its {@link MaxWorld} points the application
 * at the emulators from the class's {@code @DynamicPropertySource}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "sferum.sync.pump-interval=100ms",
            "sferum.sync.backoff=200ms",
            "sferum.max.retry.initial-backoff=5ms",
            "sferum.max.retry.max-backoff=20ms"
        })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public @interface MaxSchoolContext {

    /** The hold on big removals set at the whole of a school's chat members: no removal of these tests is held. */
    String HOLD_SHARE = "sferum.sync.hold.share=1";

    /** MAX's updates inbox polled in short turns, its lease per bot checked and lost quickly. */
    String INBOX =
            """
            sferum.max.inbox.poll-timeout=1s
            sferum.max.inbox.lease-check=500ms
            sferum.max.inbox.lease=5s
            """;

    /** The web environment: a mock one unless the test needs a real server (a browser's). */
    @AliasFor(annotation = SpringBootTest.class)
    SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.MOCK;
}
