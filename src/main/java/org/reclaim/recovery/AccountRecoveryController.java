package org.reclaim.recovery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An account's recovery and its holds (SecurityConfig: the collections team works them, auditors read them). */
@RestController
class AccountRecoveryController {

    record HoldInput(@NotBlank(message = "is required: one of " + "BREATHING_SPACE_STANDARD, BREATHING_SPACE_MENTAL_HEALTH, DISPUTE, APPEAL, "
            + "CTR_CLAIM_PENDING, VULNERABILITY_REVIEW, DECEASED, INSOLVENCY, ARRANGEMENT, DEBT_ADVICE") String type,
                     @NotNull(message = "is required: the day the hold starts") LocalDate from, @Nullable LocalDate endsOn,
                     @Nullable LocalDate reviewOn, @NotBlank(message = "is required: say why recovery is held") String reason) {
    }

    record EndInput(@Nullable LocalDate endedOn, @NotBlank(message = "is required: say why the hold ends") String reason) {
    }

    private final Accounts accounts;
    private final Holds holds;
    private final AccountRecovery recovery;
    private final Clock clock;

    AccountRecoveryController(Accounts accounts, Holds holds, AccountRecovery recovery, Clock clock) {
        this.accounts = accounts;
        this.holds = holds;
        this.recovery = recovery;
        this.clock = clock;
    }

    @GetMapping("/api/v1/accounts/{reference}/recovery")
    AccountRecovery.View recovery(@PathVariable String reference,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return recovery.of(accounts.readForRequest(reference, "/recovery"), asOf);
    }

    @GetMapping("/api/v1/accounts/{reference}/holds")
    List<Holds.Hold> holds(@PathVariable String reference) {
        return holds.of(accounts.readForRequest(reference, "/holds"));
    }

    @PostMapping("/api/v1/accounts/{reference}/holds")
    @ResponseStatus(HttpStatus.CREATED)
    Holds.Hold place(@PathVariable String reference, @Valid @RequestBody HoldInput input) {
        HoldType type;
        try {
            type = HoldType.valueOf(input.type());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("type", "'" + input.type() + "' is not a hold type; one of " + java.util.Arrays.toString(HoldType.values()));
        }
        Account account = accounts.get(AccountReference.fromRequest(reference));
        return holds.place(account, type, input.from(), input.endsOn(), input.reviewOn(), input.reason());
    }

    @PostMapping("/api/v1/accounts/{reference}/holds/{id}/end")
    Holds.Hold end(@PathVariable String reference, @PathVariable long id, @Valid @RequestBody EndInput input) {
        Account account = accounts.get(AccountReference.fromRequest(reference));
        return holds.end(account, id, input.endedOn() == null ? LocalDate.now(clock) : input.endedOn(), input.reason());
    }
}
