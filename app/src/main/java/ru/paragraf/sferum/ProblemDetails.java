package ru.paragraf.sferum;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem the API answers with says what is wrong: one without a detail (a bare 404 of another school's
 * journal, say) gets the Russian text for its status, {@code api.problem.<status>}, or the general one.
 */
/* Not limited to REST controllers: the problems of ApiProblems' own handlers pass through here as well. */
@RestControllerAdvice
class ProblemDetails implements ResponseBodyAdvice<Object> {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private final MessageSource messages;

    ProblemDetails(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(
            @Nullable Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem && (isBlank(problem.getDetail()))) {
            problem.setDetail(messages.getMessage(
                    "api.problem." + problem.getStatus(),
                    null,
                    messages.getMessage("api.problem.other", null, RUSSIAN),
                    RUSSIAN));
        }
        return body;
    }

    private static boolean isBlank(@Nullable String detail) {
        return detail == null || detail.isBlank();
    }
}
