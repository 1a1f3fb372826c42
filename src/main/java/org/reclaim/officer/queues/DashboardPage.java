package org.reclaim.officer.queues;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.arrangements.OpenForms;
import org.reclaim.arrangements.ServiceStandards;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.contactcentre.CallAnswering;
import org.reclaim.contactcentre.CallAnsweringSettings;
import org.reclaim.contactcentre.PeakPeriod;
import org.reclaim.officer.SignedIn;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.FinancialYear;
import org.reclaim.worklists.Worklist;
import org.reclaim.worklists.Worklists;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first page after sign-in: today's work for staff who read cases (each worklist's count, their own tasks, the
 * income and expenditure forms due within 2 days) and, for everyone, the team's service standards as the source
 * document states them (seeds/000, Our Standards). An administrator sees no counts of personal cases.
 */
@Controller
class DashboardPage {

    /** Forms whose 10-day clock ends within this many days are called out on the dashboard. */
    static final int FORMS_DUE_WITHIN_DAYS = 2;

    /** One measured standard over one period: {@code met} of {@code of}, and the share as a percentage (null: nothing to measure). */
    public record Measure(String period, LocalDate from, LocalDate to, long met, long of, @Nullable String percent) {
    }

    /**
     * Calls answered on peak days or on the others: the target, this month's figures and those of the latest such period
     * (the one today is in, up to today, or the last one finished).
     */
    public record CallMeasure(String id, String when, String target, String thisMonth, String latest) {
    }

    private final WorklistsPage worklistsPage;
    private final Worklists worklists;
    private final OpenForms openForms;
    private final ServiceStandards standards;
    private final AuthorityChoice choice;
    private final CallAnswering callAnswering;
    private final Clock clock;

    DashboardPage(WorklistsPage worklistsPage, Worklists worklists, OpenForms openForms, ServiceStandards standards, AuthorityChoice choice,
                  CallAnswering callAnswering, Clock clock) {
        this.callAnswering = callAnswering;
        this.worklistsPage = worklistsPage;
        this.worklists = worklists;
        this.openForms = openForms;
        this.standards = standards;
        this.choice = choice;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(@RequestParam(required = false) @Nullable String authority, Model model) {
        SignedIn signedIn = (SignedIn) model.getAttribute("signedIn");
        if (choice.all().isEmpty()) {
            return "officer/dashboard";
        }
        BillingAuthority council = choice.choose(authority, model);
        if (signedIn != null && signedIn.readsCases()) {
            model.addAttribute("queues", worklistsPage.queues(council));
            model.addAttribute("myTasks", worklists.count(Worklist.TASKS, council, AccessAudit.currentUser()));
            model.addAttribute("formsDue", openForms.due(council, FORMS_DUE_WITHIN_DAYS));
        }
        LocalDate today = LocalDate.now(clock);
        ServiceStandards.Report month = standards.report(council.id(), council.gssCode(), today.withDayOfMonth(1), today);
        ServiceStandards.Report year = standards.report(council.id(), council.gssCode(), FinancialYear.containing(today).start(), today);
        model.addAttribute("firstContact", List.of(firstContact("This month", month), firstContact("This financial year", year)));
        model.addAttribute("within10Days", List.of(within10Days("This month", month), within10Days("This financial year", year)));
        model.addAttribute("overdueForms", year.overdueWithoutArrangement());
        if (callAnswering.hasData(council.id())) {
            model.addAttribute("calls", calls(council, today));
        }
        return "officer/dashboard";
    }

    private List<CallMeasure> calls(BillingAuthority council, LocalDate today) {
        CallAnsweringSettings.Settings settings = callAnswering.settingsOn(council.id(), today);
        CallAnswering.Report month = callAnswering.report(council.id(), today.withDayOfMonth(1), today);
        PeakPeriod.Latest latest = settings.peak().latest(today);
        CallAnswering.Report peak = callAnswering.report(council.id(), latest.peak().from(), latest.peak().to());
        CallAnswering.Report offPeak = callAnswering.report(council.id(), latest.offPeak().from(), latest.offPeak().to());
        return List.of(
                new CallMeasure("calls-peak", "Peak times (annual billing)", target(settings.peakTargetPercent()), answered(month.peak().total()),
                        answered(peak.peak().total()) + " " + range(latest.peak())),
                new CallMeasure("calls-off-peak", "The rest of the year", target(settings.otherTargetPercent()),
                        answered(month.offPeak().total()), answered(offPeak.offPeak().total()) + " " + range(latest.offPeak())));
    }

    private static String answered(CallAnswering.Figures f) {
        if (f.answerRatePercent() == null) {
            return "No calls";
        }
        return f.answerRatePercent().toPlainString() + "% (" + String.format(java.util.Locale.UK, "%,d", f.answered()) + " of "
                + String.format(java.util.Locale.UK, "%,d", f.offered()) + "), " + (Boolean.TRUE.equals(f.metTarget()) ? "target met" : "below target");
    }

    private static String range(PeakPeriod.DateRange r) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.UK);
        return "from " + r.from().format(f) + " to " + r.to().format(f);
    }

    private static String target(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }

    private static Measure firstContact(String period, ServiceStandards.Report r) {
        return new Measure(period, r.from(), r.to(), r.madeAtFirstContact(), r.arrangements(), percent(r.madeAtFirstContactShare()));
    }

    private static Measure within10Days(String period, ServiceStandards.Report r) {
        return new Measure(period, r.from(), r.to(), r.arrangedWithin10Days(), r.incomeExpenditureForms(), percent(r.arrangedWithin10DaysShare()));
    }

    static @Nullable String percent(@Nullable BigDecimal share) {
        return share == null ? null : share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
