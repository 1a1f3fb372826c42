package org.reclaim.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.FinancialYear;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The weekly rent run, and the rent-free weeks an administrator sets for a year. */
@RestController
class RentController {

    record RentFreeWeeks(@NotNull List<@NotNull LocalDate> weeks) {
    }

    private final RentDebits rentDebits;
    private final Authorities authorities;

    RentController(RentDebits rentDebits, Authorities authorities) {
        this.rentDebits = rentDebits;
        this.authorities = authorities;
    }

    @PostMapping("/api/v1/rent-debits")
    RentDebits.Run run(@RequestParam String authority,
                       @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate weekStarting) {
        return rentDebits.run(authorities.named(authority, "authority"), weekStarting);
    }

    @PutMapping("/api/v1/authorities/{code}/rent-free-weeks/{year}")
    RentFreeWeeks setRentFreeWeeks(@PathVariable String code, @PathVariable int year, @Valid @RequestBody RentFreeWeeks request) {
        FinancialYear financialYear = FinancialYear.fromRequest(year, "year");
        authorities.setRentFreeWeeks(authorities.byGssCode(code).id(), financialYear, request.weeks());
        return request;
    }
}
