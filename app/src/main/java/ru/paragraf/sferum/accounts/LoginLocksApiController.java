package ru.paragraf.sferum.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code DELETE /api/accounts/login-locks/{username}}: an administrator lifts an account's login lock (204, also
 * when it had none); an account outside their scope, or none with that name, is 404.
 */
@RestController
class LoginLocksApiController {

    private final LoginLocks locks;

    LoginLocksApiController(LoginLocks locks) {
        this.locks = locks;
    }

    @DeleteMapping("/api/accounts/login-locks/{username}")
    ResponseEntity<Void> lift(@PathVariable String username, CurrentUser user) {
        if (!locks.lift(username, user)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.noContent().build();
    }
}
