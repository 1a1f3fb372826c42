package org.reclaim.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.Money;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An authority's support settings: anyone signed in reads them, an administrator sets them (SecurityConfig). */
@RestController
@RequestMapping("/api/v1/authorities/{code}/support-settings")
class SupportSettingsController {

    record SettingsInput(@Nullable @Positive(message = "must be more than 0, in pence a month; leave it out for no income threshold")
                         Long ctrPromptIncomeBelowPence,
                         @NotNull(message = "is required: the days a referral to debt advice holds recovery") @Min(1)
                         @Max(value = SupportSettings.LONGEST_PAUSE_DAYS, message = "must be at most 60: beyond that the adviser applies "
                                 + "for a statutory breathing space (SI 2020/1311)") Integer debtAdvicePauseDays) {
    }

    record SettingsView(String authority, @Nullable Long ctrPromptIncomeBelowPence, int debtAdvicePauseDays) {
        static SettingsView of(BillingAuthority a, SupportSettings.Settings s) {
            return new SettingsView(a.gssCode(), s.ctrPromptIncomeBelow() == null ? null : s.ctrPromptIncomeBelow().pence(),
                    s.debtAdvicePauseDays());
        }
    }

    private final Authorities authorities;
    private final SupportSettings settings;

    SupportSettingsController(Authorities authorities, SupportSettings settings) {
        this.authorities = authorities;
        this.settings = settings;
    }

    @GetMapping
    SettingsView get(@PathVariable String code) {
        BillingAuthority authority = authorities.byGssCode(code);
        return SettingsView.of(authority, settings.of(authority.id()));
    }

    @PutMapping
    SettingsView set(@PathVariable String code, @Valid @RequestBody SettingsInput input) {
        BillingAuthority authority = authorities.byGssCode(code);
        return SettingsView.of(authority, settings.set(authority.id(), new SupportSettings.Settings(
                input.ctrPromptIncomeBelowPence() == null ? null : Money.ofPence(input.ctrPromptIncomeBelowPence()),
                input.debtAdvicePauseDays())));
    }
}
