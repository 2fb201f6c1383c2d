package ru.paragraf.sferum;

import java.util.Map;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Where the product's error answers ({@link ErrorAnswers}) are given besides the error page: for malformed requests
 * before anything reads them, for URLs Spring Security's firewall refuses, and for requests Tomcat refuses itself.
 */
@Configuration(proxyBeanMethods = false)
class ErrorAnswersConfiguration {

    /**
     * Right after the character encoding (and the observation) filters, so that parameters decode as UTF-8 and the
     * refusal is measured, and before every filter that reads parameters: Spring Security's, the form content filter.
     */
    static final int MALFORMED_REQUEST_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(ObjectProvider<ErrorAnswers> answers) {
        var registration = new FilterRegistrationBean<>(new MalformedRequestFilter(answers));
        registration.setOrder(MALFORMED_REQUEST_FILTER_ORDER);
        return registration;
    }

    /** A URL the firewall refuses ({@code ;}, an encoded slash, {@code ..}): 400 with the product's answer. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectProvider<ErrorAnswers> answers) {
        return (request, response, rejected) -> {
            try {
                answers.getObject().write(request, response, Refusal.URL.status(), Refusal.URL, Map.of());
            } catch (java.io.IOException | jakarta.servlet.ServletException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new jakarta.servlet.ServletException(e);
            }
        };
    }

    /** Replaces Boot's bare ErrorReportValve of the host with the product's. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorReport(
            ObjectProvider<ErrorAnswers> answers) {
        // unordered, so after Boot's customizer, whose context customizer adds the valve this one replaces
        return factory -> factory.addContextCustomizers(context -> {
            var host = (StandardHost) context.getParent();
            for (var valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ContainerErrorReportValve(answers, context));
            host.setErrorReportValveClass(ContainerErrorReportValve.class.getName());
        });
    }
}
