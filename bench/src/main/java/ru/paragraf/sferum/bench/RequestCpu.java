package ru.paragraf.sferum.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;

/**
 * The CPU time, allocated bytes and wall time of each request on the thread that serves it, measured by a servlet
 * filter ahead of every other (Spring Security's included), so the figure is what the application spends on the
 * request from the first filter to the last byte it writes. Tomcat's parsing before the filters is not in it
 * ({@link PageCost} reports the server threads' whole CPU beside it).
 */
final class RequestCpu implements Filter {

    /** One request: its URI, the serving thread's CPU and allocation, and its wall time. */
    record Sample(String uri, long cpuNanos, long allocatedBytes, long wallNanos) {}

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final List<Sample> samples = new ArrayList<>();

    /** Registers the filter in a node about to start. */
    ApplicationContextInitializer<ConfigurableApplicationContext> initializer() {
        var registration = new FilterRegistrationBean<>(this);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return context -> context.getBeanFactory().registerSingleton("benchRequestCpu", registration);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long allocated = THREADS.getCurrentThreadAllocatedBytes();
        try {
            chain.doFilter(request, response);
            response.flushBuffer();
        } finally {
            var sample = new Sample(
                    ((HttpServletRequest) request).getRequestURI(),
                    THREADS.getCurrentThreadCpuTime() - cpu,
                    THREADS.getCurrentThreadAllocatedBytes() - allocated,
                    System.nanoTime() - wall);
            synchronized (samples) {
                samples.add(sample);
            }
        }
    }

    /** The samples since the last call, and forgets them. */
    List<Sample> drain() {
        synchronized (samples) {
            var all = List.copyOf(samples);
            samples.clear();
            return all;
        }
    }
}
