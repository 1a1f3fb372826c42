package org.reclaim.parties;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.AccessAudit;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers: the people and organisations who owe money. */
@RestController
@RequestMapping("/api/v1/customers")
class PartiesController {

    record NewFlag(@NotNull PartyFlag flag, @NotNull LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable @Size(max = 1000) String note,
                   @Nullable Boolean consent) {
    }

    private final Parties parties;
    private final Authorities authorities;
    private final AccessAudit audit;

    PartiesController(Parties parties, Authorities authorities, AccessAudit audit) {
        this.parties = parties;
        this.authorities = authorities;
        this.audit = audit;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Party create(@Valid @RequestBody NewParty request) {
        return parties.create(authorities.named(request.authorityCode(), "authorityCode").id(), request);
    }

    @GetMapping("/{id}")
    Party get(@PathVariable long id) {
        Party party = parties.get(id);
        audit.record(party.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.PARTY, id, "GET /api/v1/customers/" + id);
        return forReader(party);
    }

    private static Party forReader(Party party) {
        return party.forReader(AccessAudit.currentUser(), AccessAudit.currentUserIsTeamLeader());
    }

    @PostMapping("/{id}/flags")
    @ResponseStatus(HttpStatus.CREATED)
    Party addFlag(@PathVariable long id, @Valid @RequestBody NewFlag flag) {
        parties.addFlag(id, flag.flag(), flag.startsOn(), flag.endsOn(), flag.note(), flag.consent());
        return forReader(parties.get(id));
    }
}
