package ru.paragraf.sferum.accounts;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the API caller is: lets a client check its credentials and its scope. */
@RestController
class CurrentUserApiController {

    @GetMapping("/api/me")
    CurrentUser me(CurrentUser user) {
        return user;
    }
}
