package ru.paragraf.sferum.demo;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import ru.paragraf.sferum.embedded.ConditionalOnDemoData;

/** Tells every page that demo mode is on ({@code demoMode}), so the layout and the login page link the Demo page. */
@ControllerAdvice(annotations = Controller.class)
@ConditionalOnDemoData
class DemoModeModel {

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return true;
    }
}
