package org.reclaim.officer;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after sign-in: today's work and the team's service standards. */
@Controller
class DashboardPage {

    @GetMapping("/")
    String dashboard() {
        return "officer/dashboard";
    }
}
