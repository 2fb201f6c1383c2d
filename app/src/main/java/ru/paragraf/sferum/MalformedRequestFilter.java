package ru.paragraf.sferum;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose parameters or body type cannot be read, before anything else reads them: 400 for a query
 * string or form that is not percent-encoded UTF-8 and for a broken multipart body, 413 for a body above the limits,
 * 415 for a Content-Type that is no concrete media type ({@code *}{@code /*}, {@code application/*}, garbage), 406 for
 * an Accept header that does not parse.
 *
 * <p>Tomcat decodes all parameters on the first read and, when that fails, throws on every read; the multipart body
 * is part of the parameters. Left to the first reader, that is Spring Security's CSRF filter or a controller's
 * argument, and the exception ends as a 500 with a stack trace at ERROR. Spring MVC in turn fails with an
 * {@code IllegalArgumentException} on a wildcard Content-Type (spring-framework#27957), and an Accept header that does
 * not parse leaves a controller's own problem details without any body. Reading all of them here, first, turns each
 * into the client error it is. Nothing is logged above DEBUG: the request is the client's mistake.
 */
class MalformedRequestFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);

    private final ObjectProvider<ErrorAnswers> answers;

    MalformedRequestFilter(ObjectProvider<ErrorAnswers> answers) {
        this.answers = answers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var refusal = refusal(request);
        if (refusal == null) {
            chain.doFilter(request, response);
            return;
        }
        log.debug("Refused a malformed request to {}: {}", request.getRequestURI(), refusal);
        try {
            answers.getObject().write(request, response, refusal.status(), refusal, Map.of());
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    private static @Nullable Refusal refusal(HttpServletRequest request) {
        if (!isConcreteOrAbsent(request.getContentType())) {
            return Refusal.CONTENT_TYPE;
        }
        if (!parses(Collections.list(request.getHeaders(HttpHeaders.ACCEPT)))) {
            return Refusal.ACCEPT;
        }
        try {
            request.getParameterMap();
            if (isMultipart(request)) {
                // a part's file name with a NUL only fails when it is read, later, in Spring's multipart resolver
                request.getParts().forEach(Part::getSubmittedFileName);
            }
            return null;
        } catch (InvalidFileNameException e) {
            return Refusal.MULTIPART;
        } catch (InvalidParameterException e) {
            return e.getErrorCode() == 413
                    ? Refusal.TOO_LARGE
                    : isMultipart(request) ? Refusal.MULTIPART : Refusal.PARAMETERS;
        } catch (IllegalStateException e) {
            // Tomcat's limits on parts (size, count) and other parameter failures
            return isMultipart(request) ? Refusal.MULTIPART : Refusal.PARAMETERS;
        } catch (IOException | ServletException e) {
            return Refusal.MULTIPART;
        }
    }

    private static boolean isConcreteOrAbsent(@Nullable String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        try {
            var type = MediaType.parseMediaType(contentType);
            return type.isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean parses(List<String> accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        var contentType = request.getContentType();
        return contentType != null && contentType.regionMatches(true, 0, "multipart/", 0, "multipart/".length());
    }
}
