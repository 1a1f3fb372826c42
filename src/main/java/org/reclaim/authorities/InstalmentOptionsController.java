package org.reclaim.authorities;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whether an authority offers weekly and fortnightly Council Tax plans: anyone signed in reads it, an administrator
 * sets it (SecurityConfig: writes under /api/v1/authorities are ADMIN only).
 */
@RestController
@RequestMapping("/api/v1/authorities/{code}/instalment-options")
class InstalmentOptionsController {

    record OptionsInput(@NotNull Boolean weekly, @NotNull Boolean fortnightly) {
    }

    record OptionsView(String authority, boolean weekly, boolean fortnightly) {
    }

    private final Authorities authorities;

    InstalmentOptionsController(Authorities authorities) {
        this.authorities = authorities;
    }

    @GetMapping
    OptionsView get(@PathVariable String code) {
        BillingAuthority authority = authorities.byGssCode(code);
        return view(authority, authorities.instalmentOptions(authority.id()));
    }

    @PutMapping
    OptionsView set(@PathVariable String code, @Valid @RequestBody OptionsInput input) {
        BillingAuthority authority = authorities.byGssCode(code);
        return view(authority, authorities.setInstalmentOptions(authority.id(), new InstalmentOptions(input.weekly(), input.fortnightly())));
    }

    private static OptionsView view(BillingAuthority authority, InstalmentOptions options) {
        return new OptionsView(authority.gssCode(), options.weekly(), options.fortnightly());
    }
}
