package ru.paragraf.sferum;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import ru.paragraf.sferum.accounts.SecurityHeaders;

/**
 * The product's answer to a request that failed, wherever it failed: RFC 9457 problem details under {@code /api} and
 * {@code /actuator}, the Russian error page ({@code templates/error/<status>.html}, else {@code error.html})
 * everywhere else, both with the security headers of every page. Used by the error page at {@code /error}, and
 * directly where no error page can be dispatched to: requests refused by Tomcat, by the firewall or as malformed.
 */
@Component
class ErrorAnswers {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final SecurityHeaders securityHeaders;
    private final MessageSource messages;
    private final ObjectProvider<ErrorViewResolver> errorViews;
    private final ViewResolver views;
    private final LocaleResolver locales;
    private final ObjectProvider<RequestMappingHandlerAdapter> handlerAdapter;

    ErrorAnswers(
            SecurityHeaders securityHeaders,
            MessageSource messages,
            ObjectProvider<ErrorViewResolver> errorViews,
            @Qualifier("thymeleafViewResolver") ViewResolver views,
            LocaleResolver locales,
            ObjectProvider<RequestMappingHandlerAdapter> handlerAdapter) {
        this.securityHeaders = securityHeaders;
        this.messages = messages;
        this.errorViews = errorViews;
        this.views = views;
        this.locales = locales;
        this.handlerAdapter = handlerAdapter;
    }

    /**
     * Answers with {@code status}. A {@code refusal} names what was wrong with the request, for the API's detail;
     * without one the detail is the general text of the status. The {@code model} goes to the page (the layout
     * shows the signed-in user's navigation from it).
     */
    void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            @Nullable Refusal refusal,
            Map<String, Object> model)
            throws Exception {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        var path = originalPath(request);
        securityHeaders.write(path, request, response);
        if (SecurityHeaders.isApi(path)) {
            writeProblem(request, response, status, refusal);
        } else {
            writePage(request, response, status, model);
        }
    }

    /** The path the client asked for, without the context path: on an error dispatch, the one that failed. */
    static String originalPath(HttpServletRequest request) {
        var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed
                : request.getRequestURI();
        if (uri == null) {
            return "";
        }
        var contextPath = request.getContextPath();
        return contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath)
                ? uri.substring(contextPath.length())
                : uri;
    }

    private void writeProblem(
            HttpServletRequest request, HttpServletResponse response, int status, @Nullable Refusal refusal)
            throws Exception {
        var problem = ProblemDetail.forStatus(status);
        problem.setDetail(detail(status, refusal));
        if (refusal == null || refusal.pathIsValid()) {
            problem.setInstance(instance(request));
        }
        write(problem, response);
    }

    private static @Nullable URI instance(HttpServletRequest request) {
        var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed
                : request.getRequestURI();
        try {
            return uri == null ? null : URI.create(uri);
        } catch (IllegalArgumentException notAUri) {
            return null;
        }
    }

    private String detail(int status, @Nullable Refusal refusal) {
        var general = messages.getMessage(
                "api.problem." + status, null, messages.getMessage("api.problem.other", null, RUSSIAN), RUSSIAN);
        return refusal == null ? general : messages.getMessage(refusal.messageKey(), null, general, RUSSIAN);
    }

    @SuppressWarnings("unchecked")
    private void write(ProblemDetail problem, HttpServletResponse response) throws Exception {
        for (var converter : converters()) {
            if (converter.canWrite(ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON)) {
                var output = new ServletServerHttpResponse(response);
                ((HttpMessageConverter<ProblemDetail>) converter)
                        .write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);
                output.flush();
                return;
            }
        }
        throw new IllegalStateException("No message converter writes application/problem+json");
    }

    private List<HttpMessageConverter<?>> converters() {
        return handlerAdapter.getObject().getMessageConverters();
    }

    private void writePage(
            HttpServletRequest request, HttpServletResponse response, int status, Map<String, Object> model)
            throws Exception {
        if (request.getAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE) == null) {
            // answered before or outside the DispatcherServlet: the page is Russian all the same
            request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
        }
        var pageModel = new HashMap<>(model);
        pageModel.put("status", status);
        var httpStatus = HttpStatus.resolve(status);
        var byConvention =
                httpStatus == null ? null : errorViews.getObject().resolveErrorView(request, httpStatus, pageModel);
        var name = byConvention != null && byConvention.getViewName() != null ? byConvention.getViewName() : "error";
        var view = views.resolveViewName(name, RUSSIAN);
        if (view == null) {
            throw new IllegalStateException("No error page template " + name);
        }
        view.render(pageModel, request, response);
    }
}
