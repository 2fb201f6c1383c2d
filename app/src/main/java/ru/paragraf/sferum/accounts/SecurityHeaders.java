package ru.paragraf.sferum.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.stereotype.Component;

/**
 * The security headers of every answer, defined once: the security filter chains write them, and so do the answers
 * given where those chains did not run (a request Tomcat or the firewall refused before them, an error page). Spring
 * Security's defaults (nosniff, no caching, HSTS over HTTPS, never framed) plus the Content-Security-Policy and the
 * referrer policy.
 */
@Component
public class SecurityHeaders {

    /**
     * The Content-Security-Policy of pages and API answers (page answers add {@code form-action}): no inline script,
     * never framed. The API sends it too: JSON is harmless under it, and Swagger UI under {@code /api/docs} loads its
     * scripts and styles from files.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'";

    private final List<HeaderWriter> api;
    private final List<HeaderWriter> pages;

    SecurityHeaders(Environment environment, SsoProperties sso) {
        this.api = writers(CONTENT_SECURITY_POLICY);
        this.pages = writers(CONTENT_SECURITY_POLICY + "; " + formAction(environment, sso));
    }

    /** Whether a path (without the context path) is answered as the API: {@code /api/**} and {@code /actuator/**}. */
    public static boolean isApi(String path) {
        return path.equals("/api")
                || path.startsWith("/api/")
                || path.equals("/actuator")
                || path.startsWith("/actuator/");
    }

    /** Writes the headers of the API or of pages, whichever {@code path} belongs to; headers already set stay. */
    public void write(String path, HttpServletRequest request, HttpServletResponse response) {
        (isApi(path) ? api : pages).forEach(writer -> writer.writeHeaders(request, response));
    }

    /**
     * The chain writes {@code writers} and nothing else, before its filters and the application run: written when the
     * answer is committed instead, they were missing from an answer with an empty body and {@code Content-Length: 0},
     * which Tomcat commits before Spring Security's response wrapper notices (the hand-down's progress poll). The
     * application may still replace one of them for its answer.
     */
    void configure(HeadersConfigurer<HttpSecurity> headers, List<HeaderWriter> writers) {
        headers.defaultsDisabled();
        writers.forEach(headers::addHeaderWriter);
        headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        });
    }

    List<HeaderWriter> api() {
        return api;
    }

    List<HeaderWriter> pages() {
        return pages;
    }

    /**
     * Where page forms may post to. «Привязать к VK ID» posts to us and is redirected to VK ID's login page;
     * browsers apply {@code form-action} to that redirect too, so VK ID's origin ({@code sferum.vk.id-url}) is
     * allowed beside our own. So is the identity provider's origin with single sign-on: «Выйти» posts to us and is
     * redirected to the provider's end-session endpoint.
     */
    static String formAction(Environment environment, SsoProperties sso) {
        var idUrl = URI.create(environment.getProperty("sferum.vk.id-url", "https://id.vk.com"));
        var origin = idUrl.getScheme() + "://" + idUrl.getRawAuthority();
        var provider = sso.issuerOrigin();
        return "form-action 'self' " + origin + (provider == null || provider.equals(origin) ? "" : " " + provider);
    }

    private static List<HeaderWriter> writers(String contentSecurityPolicy) {
        return List.of(
                new XContentTypeOptionsHeaderWriter(),
                new XXssProtectionHeaderWriter(),
                new CacheControlHeadersWriter(),
                new HstsHeaderWriter(),
                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
                new ContentSecurityPolicyHeaderWriter(contentSecurityPolicy),
                new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN));
    }
}
