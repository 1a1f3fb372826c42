package org.reclaim.officer.queues;

import org.reclaim.officer.DateInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.officer.FormErrors;
import org.reclaim.recovery.RecoveryRuns;
import org.reclaim.recovery.RunLines;
import org.reclaim.recovery.StageCode;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The daily recovery run from a page: a team leader starts it for an authority and a business date (a preview proposes
 * every step for an officer to decide); anyone who reads cases follows it while it runs and reads its results after,
 * and the collections team releases, holds or overrides its proposed lines (RunLines checks the stages that need a
 * team leader).
 */
@Controller
class RecoveryRunPages {

    static final int PAGE_SIZE = 50;

    /** What the start form holds, as typed. */
    public record StartForm(String authority, DateInput date, String preview) {
    }

    /** The run's lines counted by stage and state, one row each. */
    public record Count(String stage, String state, int lines) {
    }

    private final RecoveryRuns runs;
    private final RunLines lines;
    private final RunStarter starter;
    private final AuthorityChoice choice;
    private final Clock clock;

    RecoveryRunPages(RecoveryRuns runs, RunLines lines, RunStarter starter, AuthorityChoice choice, Clock clock) {
        this.runs = runs;
        this.lines = lines;
        this.starter = starter;
        this.choice = choice;
        this.clock = clock;
    }

    @GetMapping("/runs/recovery")
    String form(Model model) {
        return show(model, new StartForm("", DateInput.of(LocalDate.now(clock)), "no"), FormErrors.none());
    }

    private String show(Model model, StartForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("authorities", choice.all());
        model.addAttribute("latest", runs.recent(10));
        return "officer/queues/recovery-start";
    }

    @PostMapping("/runs/recovery")
    String start(@RequestParam(defaultValue = "") String authority, @RequestParam(name = "date-day", required = false) @Nullable String day,
                 @RequestParam(name = "date-month", required = false) @Nullable String month,
                 @RequestParam(name = "date-year", required = false) @Nullable String year,
                 @RequestParam(defaultValue = "") String preview, Model model, RedirectAttributes redirect,
                 jakarta.servlet.http.HttpServletResponse response) {
        StartForm form = new StartForm(authority, new DateInput(day, month, year), preview);
        FormErrors errors = FormErrors.none();
        Optional<BillingAuthority> council = choice.fromForm(authority, "Select the council to run recovery for", errors);
        Optional<LocalDate> date = form.date().required("date", "business date", errors);
        if (!preview.equals("yes") && !preview.equals("no")) {
            errors.add("preview", "Select whether this is a preview");
        }
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, form, errors);
        }
        try {
            BillingAuthority a = council.orElseThrow();
            RunStarter.Started<RecoveryRuns.RecoveryRun> started = starter.start(() -> runs.run(a, date.get(), preview.equals("yes")),
                    RecoveryRuns.RecoveryRun::id, () -> runs.running(a));
            if (started.id() < 0) {
                redirect.addFlashAttribute("confirmation", "The recovery run for " + a.name() + " is starting: it appears in the list below");
                return "redirect:/runs/recovery";
            }
            redirect.addFlashAttribute("confirmation", started.finished() == null ? "Recovery run started for " + a.name()
                    : "Recovery run for " + a.name() + " " + started.finished().status().name().toLowerCase(java.util.Locale.ROOT));
            return "redirect:/runs/recovery/" + started.id();
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, form, FormErrors.of(e, Map.of("authority", "authority", "date", "date-day"), "date-day"));
        } catch (Conflict e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(model, form, FormErrors.none().add("authority", e.getMessage()));
        }
    }


    @GetMapping("/runs/recovery/{id}")
    String run(@PathVariable long id, @RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "1") int page,
               @RequestParam(defaultValue = "on") String refresh, Model model) {
        RecoveryRuns.RecoveryRun run = runs.get(id);
        List<Count> counts = run.linesByStageAndState().entrySet().stream()
                .flatMap(s -> s.getValue().entrySet().stream().map(st -> new Count(s.getKey(), st.getKey(), st.getValue()))).toList();
        int pageNumber = Math.max(1, page);
        String chosenState = state == null || state.isBlank() ? null : state;
        model.addAttribute("run", run);
        model.addAttribute("counts", counts);
        model.addAttribute("refreshing", run.status() == RecoveryRuns.Status.RUNNING && !"off".equals(refresh));
        model.addAttribute("state", chosenState == null ? "" : chosenState);
        model.addAttribute("states", counts.stream().map(Count::state).distinct().sorted().toList());
        model.addAttribute("stages", Arrays.stream(StageCode.values()).map(Enum::name).toList());
        if (run.status() != RecoveryRuns.Status.RUNNING) {
            List<RunLines.Line> page1 = lines.lines(id, chosenState, PAGE_SIZE + 1, (pageNumber - 1) * PAGE_SIZE);
            model.addAttribute("lines", page1.stream().limit(PAGE_SIZE).toList());
            model.addAttribute("hasNext", page1.size() > PAGE_SIZE);
            model.addAttribute("anyProposed", counts.stream().anyMatch(c -> c.state().equals("PROPOSED")));
        }
        model.addAttribute("page", pageNumber);
        return "officer/queues/recovery-run";
    }

    @PostMapping("/runs/recovery/{id}/lines/release")
    String release(@PathVariable long id, @RequestParam(required = false) @Nullable List<Long> lineIds, RedirectAttributes redirect) {
        return decide(id, lineIds, redirect, "released", ids -> lines.release(id, ids));
    }

    @PostMapping("/runs/recovery/{id}/lines/hold")
    String hold(@PathVariable long id, @RequestParam(required = false) @Nullable List<Long> lineIds,
                @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        return decide(id, lineIds, redirect, "held", ids -> lines.hold(id, ids, reason.strip()));
    }

    @PostMapping("/runs/recovery/{id}/lines/override")
    String override(@PathVariable long id, @RequestParam(required = false) @Nullable List<Long> lineIds,
                    @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String stage,
                    @RequestParam(defaultValue = "false") boolean waiveCosts, RedirectAttributes redirect) {
        return decide(id, lineIds, redirect, "issued as overridden", ids -> lines.override(id, ids,
                stage(stage), waiveCosts, reason.strip()));
    }

    private static @Nullable StageCode stage(String code) {
        if (code.isBlank()) {
            return null;
        }
        try {
            return StageCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("stage", "Select a stage from the list");
        }
    }

    /** One decision over the lines ticked; what was skipped, and why, is said in the banner. */
    private String decide(long id, @Nullable List<Long> lineIds, RedirectAttributes redirect, String done,
                          java.util.function.Function<List<Long>, RunLines.Outcome> decision) {
        try {
            if (lineIds == null || lineIds.isEmpty()) {
                throw InvalidInput.of("lineIds", "Select the lines to decide");
            }
            RunLines.Outcome outcome = decision.apply(lineIds);
            String skipped = outcome.skipped().stream().map(s -> "line " + s.lineId() + ": " + s.reason())
                    .collect(java.util.stream.Collectors.joining("; "));
            redirect.addFlashAttribute("confirmation", outcome.done() + (outcome.done() == 1 ? " line " : " lines ") + done
                    + (skipped.isEmpty() ? "" : ". Not done: " + skipped));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).message());
        }
        return "redirect:/runs/recovery/" + id;
    }
}
