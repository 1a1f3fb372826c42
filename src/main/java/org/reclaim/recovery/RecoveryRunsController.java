package org.reclaim.recovery;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Runs the daily recovery run and reviews its lines (SecurityConfig: a team leader starts runs). */
@RestController
class RecoveryRunsController {

    /** Which lines: their ids, or {@code all: true} for every proposed line of the run. */
    record LinesInput(@Nullable List<Long> lineIds, @Nullable Boolean all, @Nullable String reason, @Nullable String stage,
                      @Nullable Boolean waiveCosts) {
        @Nullable List<Long> ids() {
            boolean everything = Boolean.TRUE.equals(all);
            if (everything == (lineIds != null && !lineIds.isEmpty())) {
                throw InvalidInput.of("lineIds", "give the lines' ids, or all: true for every proposed line of the run");
            }
            return everything ? null : lineIds;
        }
    }

    private final RecoveryRuns runs;
    private final RunLines lines;
    private final Authorities authorities;

    RecoveryRunsController(RecoveryRuns runs, RunLines lines, Authorities authorities) {
        this.runs = runs;
        this.lines = lines;
        this.authorities = authorities;
    }

    /** Every authority's run for a date: the counts of all of them, and each run. */
    record AllRuns(LocalDate businessDate, boolean preview, Map<String, Map<String, Integer>> linesByStageAndState, int held,
                   List<RecoveryRuns.RecoveryRun> runs) {
    }

    /** The run for the authority named; with none named, a run for each authority of the installation, one after another. */
    @PostMapping("/api/v1/recovery/runs")
    Object run(@RequestParam(required = false) @Nullable String authority, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
               @RequestParam(defaultValue = "false") boolean preview) {
        if (authority != null) {
            return runs.run(authorities.named(authority, "authority"), date, preview);
        }
        List<RecoveryRuns.RecoveryRun> all = authorities.all().stream().map(a -> runs.run(a, date, preview)).toList();
        Map<String, Map<String, Integer>> counts = new java.util.TreeMap<>();
        all.forEach(r -> r.linesByStageAndState().forEach((stage, byState) -> byState.forEach((state, n) ->
                counts.computeIfAbsent(stage, k -> new java.util.TreeMap<>()).merge(state, n, Integer::sum))));
        return new AllRuns(date, preview, counts, all.stream().mapToInt(RecoveryRuns.RecoveryRun::held).sum(), all);
    }

    @GetMapping("/api/v1/recovery/runs/{id}")
    RecoveryRuns.RecoveryRun get(@PathVariable long id) {
        return runs.get(id);
    }

    @GetMapping("/api/v1/recovery/runs/{id}/lines")
    List<RunLines.Line> lines(@PathVariable long id, @RequestParam(required = false) @Nullable String state,
                              @RequestParam(defaultValue = "500") int limit, @RequestParam(defaultValue = "0") int offset) {
        if (limit < 1 || limit > 5000) {
            throw InvalidInput.of("limit", "must be from 1 to 5000");
        }
        return lines.lines(id, state, limit, Math.max(0, offset));
    }

    @PostMapping("/api/v1/recovery/runs/{id}/lines/release")
    RunLines.Outcome release(@PathVariable long id, @RequestBody LinesInput input) {
        return lines.release(id, input.ids());
    }

    @PostMapping("/api/v1/recovery/runs/{id}/lines/hold")
    RunLines.Outcome hold(@PathVariable long id, @RequestBody LinesInput input) {
        return lines.hold(id, input.ids(), input.reason() == null ? "" : input.reason());
    }

    @PostMapping("/api/v1/recovery/runs/{id}/lines/override")
    RunLines.Outcome override(@PathVariable long id, @RequestBody LinesInput input) {
        StageCode stage = input.stage() == null ? null : StageCode.fromRequest(input.stage(), "stage");
        return lines.override(id, input.ids(), stage, Boolean.TRUE.equals(input.waiveCosts()), input.reason() == null ? "" : input.reason());
    }
}
