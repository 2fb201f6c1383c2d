package ru.paragraf.sferum.fuzz;

import java.nio.charset.StandardCharsets;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/** Sends one generated request and counts it; an exception that escapes MockMvc is the servlet container's 500. */
final class Requests {

    private Requests() {}

    static Answer send(MockMvc mvc, String property, AbstractMockHttpServletRequestBuilder<?> request) {
        var description = request.buildRequest(new org.springframework.mock.web.MockServletContext())
                .getRequestURI();
        Answer answer;
        try {
            var response = mvc.perform(request).andReturn().getResponse();
            answer = new Answer(
                    response.getStatus(),
                    response.getContentType(),
                    response.getContentAsString(StandardCharsets.UTF_8),
                    response.getRedirectedUrl(),
                    null,
                    description,
                    response.getErrorMessage());
        } catch (Exception e) {
            answer = new Answer(500, null, "", null, e, description, null);
        }
        FuzzFigures.answered(property, answer.serverError() ? 500 : answer.status());
        return answer;
    }
}
