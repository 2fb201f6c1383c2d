package ru.paragraf.sferum.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** What pages of this module show for what the person may not see: the application's 404 page. */
@ControllerAdvice(assignableTypes = {ExchangeTaskPages.class, ExchangeRunPages.class})
class ExchangePageErrors {

    @ExceptionHandler
    void notFound(ExchangeNotFoundException exception, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
