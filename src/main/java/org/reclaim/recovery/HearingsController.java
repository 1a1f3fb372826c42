package org.reclaim.recovery;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
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

/**
 * Court: hearings, summons batches, the hearing list and the outcomes (SecurityConfig: a team leader creates hearings
 * and lists summonses; the collections team records outcomes; staff read).
 */
@RestController
class HearingsController {

    record HearingInput(@NotBlank(message = "is required: the billing authority's GSS code") String authority,
                        @NotBlank(message = "is required: the magistrates' court's name") String court,
                        @NotNull(message = "is required: the day of the hearing") LocalDate hearingOn,
                        @NotNull(message = "is required: the cases the court will take that day") Integer capacity) {
    }

    record BatchInput(@NotNull(message = "is required: the day the summonses to list were issued") LocalDate issuedOn) {
    }

    /** Either {@code lines}, or {@code all} (an outcome for every case without one) with {@code except}. */
    record OutcomesInput(@Nullable List<CourtOutcomes.Line> lines, @Nullable String all, @Nullable List<CourtOutcomes.Line> except) {
    }

    private final Hearings hearings;
    private final HearingList list;
    private final CourtOutcomes outcomes;
    private final Authorities authorities;

    HearingsController(Hearings hearings, HearingList list, CourtOutcomes outcomes, Authorities authorities) {
        this.hearings = hearings;
        this.list = list;
        this.outcomes = outcomes;
        this.authorities = authorities;
    }

    @PostMapping("/api/v1/recovery/hearings")
    @ResponseStatus(HttpStatus.CREATED)
    Hearings.Hearing create(@Valid @RequestBody HearingInput input) {
        return hearings.create(authorities.named(input.authority(), "authority"), input.court(), input.hearingOn(), input.capacity());
    }

    @GetMapping("/api/v1/recovery/hearings")
    List<Hearings.Hearing> list(@RequestParam String authority,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from) {
        return hearings.of(authorities.named(authority, "authority"), from);
    }

    @GetMapping("/api/v1/recovery/hearings/{id}")
    Hearings.Hearing get(@PathVariable long id) {
        return hearings.get(id);
    }

    @PostMapping("/api/v1/recovery/hearings/{id}/summonses")
    Hearings.Batch listSummonses(@PathVariable long id, @Valid @RequestBody BatchInput input) {
        return hearings.listSummonses(id, input.issuedOn());
    }

    @GetMapping(path = "/api/v1/recovery/hearings/{id}/list", produces = "application/json")
    HearingList.View hearingList(@PathVariable long id,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return list.of(id, asOf);
    }

    @GetMapping(path = "/api/v1/recovery/hearings/{id}/list", produces = "text/csv")
    String hearingListCsv(@PathVariable long id,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return list.csv(id, asOf);
    }

    @PostMapping("/api/v1/recovery/hearings/{id}/outcomes")
    CourtOutcomes.Result outcomes(@PathVariable long id, @RequestBody OutcomesInput input) {
        boolean hasLines = input.lines() != null && !input.lines().isEmpty();
        if (hasLines == (input.all() != null)) {
            throw InvalidInput.of("lines", "give the outcomes as lines, or all with one outcome for every case listed (and except for those it is not)");
        }
        if (input.all() != null) {
            try {
                CourtOutcomes.Outcome.valueOf(input.all());
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("all", "'" + input.all() + "' is not an outcome; one of LIABILITY_ORDER_GRANTED, WITHDRAWN, PAID_BEFORE_HEARING "
                        + "(ADJOURNED needs a date on each line)");
            }
            if (input.all().equals(CourtOutcomes.Outcome.ADJOURNED.name())) {
                throw InvalidInput.of("all", "ADJOURNED needs the date adjourned to: give it on lines");
            }
            return outcomes.recordAll(id, input.all(), input.except() == null ? List.of() : input.except());
        }
        return outcomes.record(id, input.lines());
    }
}
