package ru.paragraf.sferum.accounts;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Exposes the logged-in user to every page as {@code currentUser}, for the layout's navigation. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class CurrentUserModel {

    @ModelAttribute("currentUser")
    @Nullable
    CurrentUser currentUser() {
        return CurrentUserArgumentResolver.current();
    }
}
