package ru.paragraf.sferum;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat's error report for what it refused before the application saw the request (a URL that does not decode, an
 * encoded slash, NUL or {@code ..} above the root, a request line or header that does not parse, an HTTP version it
 * does not speak): the product's answer instead of Tomcat's bare English page, with the security headers of every
 * page. Errors inside the application never get here: Tomcat sends them to the application's error page first.
 */
class ContainerErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrorReportValve.class);

    private final ObjectProvider<ErrorAnswers> answers;
    private final Context application;

    /** Answers as the product for {@code application}, the web application of this host. */
    ContainerErrorReportValve(ObjectProvider<ErrorAnswers> answers, Context application) {
        this.answers = answers;
        this.application = application;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            answers.getObject()
                    .write(
                            new Unmapped(request.getRequest(), application.getServletContext()),
                            new WithoutUrlRewriting(response.getResponse()),
                            status,
                            status == 400 ? Refusal.REQUEST : null,
                            Map.of());
            response.finishResponse();
        } catch (Exception e) {
            // the connection is likely gone; the client has the status line in any case
            log.debug("Could not write the answer to a request Tomcat refused with {}", status, e);
        }
    }

    /**
     * The refused request as the page renderer needs it. Tomcat mapped it to no web application, so it has no
     * servlet context of its own, and its attributes, which notify the application's listeners, are kept here.
     */
    private static final class Unmapped extends HttpServletRequestWrapper {

        private final ServletContext servletContext;
        private final Map<String, Object> attributes = new HashMap<>();

        Unmapped(HttpServletRequest request, ServletContext servletContext) {
            super(request);
            this.servletContext = servletContext;
        }

        @Override
        public ServletContext getServletContext() {
            return servletContext;
        }

        @Override
        public @Nullable Object getAttribute(String name) {
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            var names = new HashSet<>(Collections.list(super.getAttributeNames()));
            attributes.forEach((name, value) -> {
                if (value == null) {
                    names.remove(name);
                } else {
                    names.add(name);
                }
            });
            return Collections.enumeration(names);
        }

        @Override
        public void setAttribute(String name, @Nullable Object value) {
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.put(name, null);
        }

        @Override
        public String getRequestURI() {
            var uri = super.getRequestURI();
            return uri == null ? "" : uri;
        }
    }

    /** Links on the page stay as they are: there is no session to put into them, nor always a host to resolve. */
    private static final class WithoutUrlRewriting extends HttpServletResponseWrapper {

        WithoutUrlRewriting(HttpServletResponse response) {
            super(response);
        }

        @Override
        public String encodeURL(String url) {
            return url;
        }

        @Override
        public String encodeRedirectURL(String url) {
            return url;
        }
    }
}
