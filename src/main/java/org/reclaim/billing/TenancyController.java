package org.reclaim.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.reclaim.accounts.AccountReference;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Ending a council tenancy: what is owed moves to a former tenant arrears account. */
@RestController
class TenancyController {

    record EndTenancy(@NotNull LocalDate endedOn) {
    }

    record TransferView(String rentAccount, String formerTenantArrearsAccount, long amountPence) {
    }

    private final FormerTenantArrears formerTenantArrears;

    TenancyController(FormerTenantArrears formerTenantArrears) {
        this.formerTenantArrears = formerTenantArrears;
    }

    @PostMapping("/api/v1/accounts/{reference}/end-tenancy")
    TransferView end(@PathVariable String reference, @Valid @RequestBody EndTenancy request) {
        FormerTenantArrears.Transfer t = formerTenantArrears.endTenancy(AccountReference.fromRequest(reference), request.endedOn());
        return new TransferView(t.rentAccount().value(), t.formerTenantArrearsAccount().value(), t.amount().pence());
    }
}
