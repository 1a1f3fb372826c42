package org.reclaim.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.shared.AccessAudit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's circumstance facts (SecurityConfig: the collections team records them, auditors read them). */
@RestController
@RequestMapping("/api/v1/customers/{id}/circumstance-facts")
class CircumstanceFactsController {

    record FactInput(@NotNull(message = "is required: one of STUDENT, SEVERELY_MENTALLY_IMPAIRED, CARER, DISABLED_ADAPTATION, "
                             + "INCOME_RELATED_BENEFIT") String fact,
                     @NotNull(message = "is required: the first day it applies") java.time.LocalDate startsOn,
                     java.time.@Nullable LocalDate endsOn, @Nullable @Size(max = 500) String note) {
    }

    record EndInput(@NotNull(message = "is required: the last day it applies") java.time.LocalDate endsOn) {
    }

    private final CircumstanceFacts facts;
    private final Parties parties;
    private final AccessAudit audit;

    CircumstanceFactsController(CircumstanceFacts facts, Parties parties, AccessAudit audit) {
        this.facts = facts;
        this.parties = parties;
        this.audit = audit;
    }

    @PostMapping
    ResponseEntity<CircumstanceFacts.Fact> record(@PathVariable long id, @Valid @RequestBody FactInput input) {
        CircumstanceFacts.Recorded recorded = facts.record(id, Requests.circumstance(input.fact(), "fact"), input.startsOn(), input.endsOn(),
                input.note());
        return ResponseEntity.status(recorded.repeated() ? HttpStatus.OK : HttpStatus.CREATED).body(recorded.fact());
    }

    @PostMapping("/{factId}/end")
    CircumstanceFacts.Fact end(@PathVariable long id, @PathVariable long factId, @Valid @RequestBody EndInput input) {
        return facts.end(id, factId, input.endsOn());
    }

    @GetMapping
    List<CircumstanceFacts.Fact> list(@PathVariable long id) {
        Party party = parties.get(id);
        audit.record(party.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.PARTY, id, "GET /api/v1/customers/" + id
                + "/circumstance-facts");
        return facts.of(party);
    }
}
