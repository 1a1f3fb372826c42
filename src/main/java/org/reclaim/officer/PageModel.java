package org.reclaim.officer;

import org.reclaim.security.Role;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every officer page's layout shows: the council, and who is signed in with which role. */
@ControllerAdvice(basePackageClasses = PageModel.class, assignableTypes = BasicErrorController.class)
class PageModel {

    private final CouncilBranding branding;

    PageModel(CouncilBranding branding) {
        this.branding = branding;
    }

    @ModelAttribute("council")
    CouncilBranding.Council council() {
        return branding.current();
    }

    @ModelAttribute("signedIn")
    @org.jspecify.annotations.Nullable
    SignedIn signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return null;
        }
        Role role = auth.getAuthorities().stream().map(a -> a.getAuthority().replace("ROLE_", ""))
                .filter(r -> java.util.Arrays.stream(Role.values()).anyMatch(x -> x.name().equals(r)))
                .map(Role::valueOf).findFirst().orElse(null);
        String label = role == null ? "" : switch (role) {
            case OFFICER -> "Officer";
            case TEAM_LEADER -> "Team leader";
            case AUDITOR -> "Auditor";
            case ADMIN -> "Administrator";
        };
        return new SignedIn(auth.getName(), label, role == Role.TEAM_LEADER, role == Role.OFFICER, role == Role.AUDITOR,
                role == Role.ADMIN);
    }
}
