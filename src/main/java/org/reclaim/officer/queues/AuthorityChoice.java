package org.reclaim.officer.queues;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Worklists and runs are per authority. The pages offer a select of the installation's authorities and keep the
 * choice in the query string ({@code ?authority=E07000135}); with none chosen, the first (an installation of one
 * council never sees the select).
 */
@Component
class AuthorityChoice {

    private final Authorities authorities;

    AuthorityChoice(Authorities authorities) {
        this.authorities = authorities;
    }

    /** The authority chosen, put in the model as {@code authority} with the list to choose from as {@code authorities}. */
    BillingAuthority choose(@Nullable String gssCode, Model model) {
        List<BillingAuthority> all = authorities.all();
        BillingAuthority chosen = gssCode == null || gssCode.isBlank()
                ? all.stream().findFirst().orElseThrow(() -> NotFound.of("billing authority", "(none is set up yet)"))
                : authorities.named(gssCode.trim(), "authority");
        model.addAttribute("authorities", all);
        model.addAttribute("authority", chosen);
        return chosen;
    }

    List<BillingAuthority> all() {
        return authorities.all();
    }

    BillingAuthority named(String gssCode) {
        return authorities.named(gssCode, "authority");
    }
}
