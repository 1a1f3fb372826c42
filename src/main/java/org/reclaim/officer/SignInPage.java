package org.reclaim.officer;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security checks what it posts to /login. */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn() {
        return "officer/login";
    }
}
