package ru.paragraf.sferum;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The application's error page, where Tomcat sends every error inside the application (a status sent with
 * {@code sendError}, an exception that escaped): problem details for the API, the Russian page for pages
 * ({@link ErrorAnswers}). Replaces Boot's {@code BasicErrorController}, which chose by the Accept header and answered
 * the API with a JSON of its own. Asked for directly, there is nothing here: 404.
 */
@Controller
class ErrorPage implements ErrorController {

    private final ErrorAnswers answers;

    ErrorPage(ErrorAnswers answers) {
        this.answers = answers;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response, Model model) throws Exception {
        var status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        answers.write(request, response, status, null, model.asMap());
    }
}
