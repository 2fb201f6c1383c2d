package ru.paragraf.sferum.sync;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A test of the synchronization of a {@link ConnectedCity}: the whole application with MockMvc, workers that look
 * for work every 100 ms and retry after 200 ms, the city's own VK emulator and a database of its own. One instance
 * per class, so that {@code @BeforeAll} connects the city once. Settings of one test go in a
 * {@code @TestPropertySource} beside this annotation.
 *
 * <p>The context is closed after the class: it holds this class's city and is never reused, and closed, its workers
 * stop looking for work through the rest of the suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"sferum.sync.pump-interval=100ms", "sferum.sync.backoff=200ms"})
@AutoConfigureMockMvc
@Import(ConnectedCity.Beans.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
@interface ConnectedCityTest {}
