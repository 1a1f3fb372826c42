package org.reclaim.support;

import java.util.List;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An account's referrals to advice partners (SecurityConfig: the collections team refers, auditors read). */
@RestController
@RequestMapping("/api/v1/accounts/{reference}/referrals")
class ReferralsController {

    private final Referrals referrals;
    private final Accounts accounts;

    ReferralsController(Referrals referrals, Accounts accounts) {
        this.referrals = referrals;
        this.accounts = accounts;
    }

    /** 201 with the referral; the same referral again the same day answers 200 with the first and does nothing more. */
    @PostMapping
    ResponseEntity<Referrals.Referral> refer(@PathVariable String reference, @RequestBody Referrals.Request request) {
        Referrals.Made made = referrals.refer(AccountReference.fromRequest(reference), request);
        return ResponseEntity.status(made.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(made.referral());
    }

    @GetMapping
    List<Referrals.Referral> list(@PathVariable String reference) {
        return referrals.of(accounts.readForRequest(reference, "/referrals"));
    }
}
