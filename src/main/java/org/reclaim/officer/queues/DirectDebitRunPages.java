package org.reclaim.officer.queues;

import org.reclaim.officer.DateInput;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.directdebit.DirectDebitRuns;
import org.reclaim.officer.FormErrors;
import org.reclaim.officer.SignedIn;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Direct Debit collection run from a page: a team leader starts it for an authority and a processing day, and
 * follows it. As with the API's Direct Debit runs (payers' mandates), team leaders and auditors read them; officers do not.
 */
@Controller
class DirectDebitRunPages {

    public record StartForm(String authority, DateInput date) {
    }

    private final DirectDebitRuns runs;
    private final RunStarter starter;
    private final AuthorityChoice choice;
    private final Clock clock;

    DirectDebitRunPages(DirectDebitRuns runs, RunStarter starter, AuthorityChoice choice, Clock clock) {
        this.runs = runs;
        this.starter = starter;
        this.choice = choice;
        this.clock = clock;
    }

    static boolean mayRead(@Nullable SignedIn signedIn) {
        return signedIn != null && (signedIn.teamLeader() || signedIn.auditor());
    }

    private static void refuseOfficers(Model model) {
        if (!mayRead((SignedIn) model.getAttribute("signedIn"))) {
            throw new AccessDeniedException("Direct Debit runs are for team leaders and auditors");
        }
    }

    @GetMapping("/runs/direct-debit")
    String form(Model model) {
        refuseOfficers(model);
        return show(model, new StartForm("", DateInput.of(LocalDate.now(clock))), FormErrors.none());
    }

    private String show(Model model, StartForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("authorities", choice.all());
        model.addAttribute("latest", runs.recent(10));
        return "officer/queues/direct-debit-start";
    }

    @PostMapping("/runs/direct-debit")
    String start(@RequestParam(defaultValue = "") String authority, @RequestParam(name = "date-day", required = false) @Nullable String day,
                 @RequestParam(name = "date-month", required = false) @Nullable String month,
                 @RequestParam(name = "date-year", required = false) @Nullable String year, Model model, RedirectAttributes redirect,
                 jakarta.servlet.http.HttpServletResponse response) {
        StartForm form = new StartForm(authority, new DateInput(day, month, year));
        FormErrors errors = FormErrors.none();
        Optional<BillingAuthority> council = choice.fromForm(authority, "Select the council to collect for", errors);
        Optional<LocalDate> date = form.date().required("date", "processing day", errors);
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, form, errors);
        }
        BillingAuthority a = council.orElseThrow();
        try {
            RunStarter.Started<DirectDebitRuns.Run> started = starter.start(() -> runs.run(a, date.get()), DirectDebitRuns.Run::id,
                    () -> runs.running(a));
            if (started.id() < 0) {
                redirect.addFlashAttribute("confirmation", "The Direct Debit run for " + a.name() + " is starting: it appears in the list below");
                return "redirect:/runs/direct-debit";
            }
            redirect.addFlashAttribute("confirmation", "Direct Debit run started for " + a.name());
            return "redirect:/runs/direct-debit/" + started.id();
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, form, FormErrors.of(e, Map.of("date", "date-day", "authority", "authority"), "authority"));
        } catch (Conflict | NotFound e) {
            // a run already going, or no originator details (service user number) set for the council
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(model, form, FormErrors.none().add("authority", e.getMessage()));
        }
    }

    @GetMapping("/runs/direct-debit/{id}")
    String run(@PathVariable long id, @RequestParam(defaultValue = "on") String refresh, Model model) {
        refuseOfficers(model);
        DirectDebitRuns.Run run = runs.get(id);
        model.addAttribute("run", run);
        model.addAttribute("refreshing", run.status().equals("RUNNING") && !"off".equals(refresh));
        model.addAttribute("skipped", run.status().equals("RUNNING") ? java.util.List.of() : runs.skipped(id, 500));
        return "officer/queues/direct-debit-run";
    }
}
