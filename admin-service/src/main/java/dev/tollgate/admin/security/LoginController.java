package dev.tollgate.admin.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's sign-in page; Spring Security handles the form it posts to {@code /login}. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
