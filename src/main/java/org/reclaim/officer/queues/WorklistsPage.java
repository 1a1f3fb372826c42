package org.reclaim.officer.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.arrangements.OpenForms;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.officer.SignedIn;
import org.reclaim.security.Role;
import org.reclaim.security.StaffUsers;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.reclaim.worklists.Task;
import org.reclaim.worklists.Worklist;
import org.reclaim.worklists.WorklistItem;
import org.reclaim.worklists.Worklists;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The officer's queues: each worklist of an authority with its count, a list's items in score order with the score
 * explained, and the tasks' claim, assign and complete. Each action answers with the list again and a banner.
 */
@Controller
class WorklistsPage {

    static final int PAGE_SIZE = 50;
    /** The I&E forms' 10-day list is not one of the worklists module's: it is the arrangements module's open forms. */
    static final String INCOME_EXPENDITURE = "income-expenditure";

    /** One queue on the index: its page's slug, what it holds, and how many items it has now. */
    public record Queue(String slug, String title, String hint, long count) {
    }

    /** An item as a row: the item, the task's id (tasks only) and what the signed-in user may do with it. */
    public record Row(WorklistItem item, @Nullable Long taskId, boolean mayClaim, boolean mayComplete) {
    }

    private final Worklists worklists;
    private final OpenForms openForms;
    private final StaffUsers staff;
    private final AuthorityChoice choice;

    WorklistsPage(Worklists worklists, OpenForms openForms, StaffUsers staff, AuthorityChoice choice) {
        this.worklists = worklists;
        this.openForms = openForms;
        this.staff = staff;
        this.choice = choice;
    }

    @GetMapping("/worklists")
    String index(@RequestParam(required = false) @Nullable String authority, Model model) {
        BillingAuthority council = choice.choose(authority, model);
        model.addAttribute("queues", queues(council));
        model.addAttribute("myTasks", worklists.count(Worklist.TASKS, council, AccessAudit.currentUser()));
        return "officer/queues/worklists";
    }

    /** The queues of the authority with their counts, in the order an officer works them. */
    List<Queue> queues(BillingAuthority council) {
        Map<Worklist, Long> counts = worklists.counts(council);
        List<Queue> queues = new ArrayList<>();
        for (Worklist w : Worklist.values()) {
            queues.add(new Queue(slug(w), title(w), hint(w), counts.getOrDefault(w, 0L)));
        }
        OpenForms.Due due = openForms.due(council, 2);
        queues.add(new Queue(INCOME_EXPENDITURE, "Income and expenditure forms",
                "Forms with no arrangement yet, least time left of the 10 days first; " + due.dueWithin() + " due within 2 days",
                due.open()));
        return queues;
    }

    @GetMapping("/worklists/{list}")
    String list(@PathVariable String list, @RequestParam(required = false) @Nullable String authority,
                @RequestParam(required = false) @Nullable String assignedTo, @RequestParam(defaultValue = "1") int page, Model model) {
        BillingAuthority council = choice.choose(authority, model);
        model.addAttribute("slug", list);
        if (INCOME_EXPENDITURE.equals(list)) {
            model.addAttribute("title", "Income and expenditure forms");
            model.addAttribute("forms", openForms.of(council));
            return "officer/queues/income-expenditure";
        }
        Worklist worklist = worklist(list);
        int pageNumber = Math.max(1, page);
        String who = "me".equals(assignedTo) ? AccessAudit.currentUser() : null;
        List<WorklistItem> items = worklists.items(worklist, council, who, PAGE_SIZE + 1, (pageNumber - 1) * PAGE_SIZE);
        String me = AccessAudit.currentUser();
        SignedIn signedIn = (SignedIn) model.getAttribute("signedIn");
        boolean teamLeader = signedIn != null && signedIn.teamLeader();
        boolean worksCases = signedIn != null && signedIn.worksCases();
        List<Row> rows = items.stream().limit(PAGE_SIZE).map(i -> {
            Long taskId = i.itemId().startsWith("task:") ? Long.valueOf(i.itemId().substring(5)) : null;
            boolean mine = me.equals(i.assignedTo());
            boolean mayTake = worksCases && (teamLeader || !i.forTeamLeader());
            return new Row(i, taskId, taskId != null && mayTake && !mine && !"CLAIMED".equals(i.state()),
                    taskId != null && mayTake && (mine || teamLeader));
        }).toList();
        model.addAttribute("worklist", worklist);
        model.addAttribute("title", title(worklist));
        model.addAttribute("hint", hint(worklist));
        model.addAttribute("rows", rows);
        model.addAttribute("mine", who != null);
        model.addAttribute("page", pageNumber);
        model.addAttribute("hasNext", items.size() > PAGE_SIZE);
        model.addAttribute("staff", teamLeader && worklist == Worklist.TASKS ? staff.usernamesWithRole(Role.OFFICER, Role.TEAM_LEADER) : List.of());
        return "officer/queues/worklist";
    }

    @PostMapping("/worklists/tasks/{id}/claim")
    String claim(@PathVariable long id, @RequestParam String authority, RedirectAttributes redirect) {
        return act(authority, redirect, () -> {
            Task task = worklists.claim(id);
            return "You have task " + task.id() + " (" + task.accountReference() + ")";
        });
    }

    @PostMapping("/worklists/tasks/{id}/assign")
    String assign(@PathVariable long id, @RequestParam String authority, @RequestParam(defaultValue = "") String username,
                  RedirectAttributes redirect) {
        return act(authority, redirect, () -> {
            if (username.isBlank()) {
                throw InvalidInput.of("username", "Choose who to give task " + id + " to");
            }
            Task task = worklists.assign(id, username.trim());
            return "Task " + task.id() + " (" + task.accountReference() + ") given to " + task.assignedTo();
        });
    }

    @PostMapping("/worklists/tasks/{id}/complete")
    String complete(@PathVariable long id, @RequestParam String authority, @RequestParam(defaultValue = "") String outcome,
                    RedirectAttributes redirect) {
        return act(authority, redirect, () -> {
            if (outcome.isBlank()) {
                throw InvalidInput.of("outcome", "Say what was done to complete task " + id);
            }
            Task task = worklists.complete(id, outcome);
            return "Task " + task.id() + " (" + task.accountReference() + ") completed";
        });
    }

    /** Does the action; a refusal (not claimed, already done, no outcome) is shown on the list, in the error summary. */
    private String act(String authority, RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("confirmation", action.get());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problem", e.errors().get(0).message());
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:" + UriComponentsBuilder.fromPath("/worklists/tasks").queryParam("authority", choice.named(authority).gssCode())
                .build().toUriString();
    }

    static Worklist worklist(String slug) {
        for (Worklist w : Worklist.values()) {
            if (slug(w).equals(slug)) {
                return w;
            }
        }
        throw NotFound.of("worklist", slug);
    }

    static String slug(Worklist w) {
        return w.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static String title(Worklist w) {
        return switch (w) {
            case DECISIONS -> "Recovery decisions";
            case SUMMONS_REVIEW -> "Summonses to review";
            case VULNERABLE_BEFORE_ESCALATION -> "Vulnerable customers before escalation";
            case TASKS -> "Tasks";
        };
    }

    static String hint(Worklist w) {
        return switch (w) {
            case DECISIONS -> "Recovery run lines proposed and waiting for an officer to release, hold or override them";
            case SUMMONS_REVIEW -> "Proposed summonses (and other stages needing authorisation) waiting for a team leader";
            case VULNERABLE_BEFORE_ESCALATION -> "Vulnerable customers whose next recovery stage is a summons or later: call them first";
            case TASKS -> "Tasks raised by officers and by the system, not yet done";
        };
    }
}
