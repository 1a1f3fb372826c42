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
 * council never sees the select). The campaigns' pages choose the same way.
 */
@Component
public class AuthorityChoice {

    private final Authorities authorities;

    AuthorityChoice(Authorities authorities) {
        this.authorities = authorities;
    }

    /** The authority chosen, put in the model as {@code authority} with the list to choose from as {@code authorities}. */
    public BillingAuthority choose(@Nullable String gssCode, Model model) {
        List<BillingAuthority> all = authorities.all();
        BillingAuthority chosen = gssCode == null || gssCode.isBlank()
                ? all.stream().findFirst().orElseThrow(() -> NotFound.of("billing authority", "(none is set up yet)"))
                : authorities.named(gssCode.trim(), "authority");
        model.addAttribute("authorities", all);
        model.addAttribute("authority", chosen);
        return chosen;
    }

    /** The council a start form names, or an error against its {@code authority} field ({@code missing} when none is chosen). */
    public java.util.Optional<BillingAuthority> fromForm(String gssCode, String missing, org.reclaim.officer.FormErrors errors) {
        if (gssCode.isBlank()) {
            errors.add("authority", missing);
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(authorities.named(gssCode.trim(), "authority"));
        } catch (org.reclaim.shared.InvalidInput | NotFound e) {
            errors.add("authority", "Select one of the councils listed");
            return java.util.Optional.empty();
        }
    }

    public List<BillingAuthority> all() {
        return authorities.all();
    }

    BillingAuthority named(String gssCode) {
        return authorities.named(gssCode, "authority");
    }
}
