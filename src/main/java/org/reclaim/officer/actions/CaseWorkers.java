package org.reclaim.officer.actions;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Only the collections team (officers and team leaders) takes actions. SecurityConfig already refuses others' posts;
 * this refuses them the forms too, so that an auditor is never offered an action they cannot take.
 */
final class CaseWorkers {

    private CaseWorkers() {
    }

    static void require() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean works = auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_OFFICER") || a.getAuthority().equals("ROLE_TEAM_LEADER"));
        if (!works) {
            throw new AccessDeniedException("only officers and team leaders take actions on accounts and customers");
        }
    }
}
