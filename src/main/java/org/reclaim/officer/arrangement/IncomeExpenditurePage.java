package org.reclaim.officer.arrangement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.reclaim.arrangements.ArrangementDesk;
import org.reclaim.officer.FormErrors;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Take a customer's income and expenditure (Standard Financial Statement), then see what is affordable. */
@Controller
class IncomeExpenditurePage {

    private final ArrangementDesk desk;
    private final Parties parties;
    private final AccessAudit audit;
    private final Clock clock;

    IncomeExpenditurePage(ArrangementDesk desk, Parties parties, AccessAudit audit, Clock clock) {
        this.desk = desk;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/customers/{id}/income-expenditure/new")
    String form(@PathVariable long id, Model model) {
        IncomeExpenditureForm form = IncomeExpenditureForm.blank(LocalDate.now(clock));
        return show(customer(id), new IncomeExpenditureForm(withKey(form.values())), FormErrors.none(), model);
    }

    @PostMapping("/customers/{id}/income-expenditure/new")
    String save(@PathVariable long id, @RequestParam Map<String, String> values, Model model) {
        Party party = customer(id);
        IncomeExpenditureForm form = new IncomeExpenditureForm(values);
        FormErrors errors = FormErrors.none();
        LocalDate receivedOn = form.receivedOn().required("receivedOn", "date the form was received", errors).orElse(null);
        int adults = form.count("adults", errors, "Enter the number of adults in the household, like 1");
        int children = form.count("children", errors, "Enter the number of children in the household, like 0");
        List<ArrangementDesk.Line> lines = form.lines(errors);
        if (errors.any()) {
            return show(party, form, errors, model);
        }
        try {
            long formId = desk.recordForm(id, new ArrangementDesk.NewForm(receivedOn, form.channel(), adults, children, lines),
                    form.value("key"));
            return "redirect:/income-expenditure/" + formId + "/arrangement";
        } catch (InvalidInput e) {
            return show(party, form, FormErrors.of(e, Map.of("household.adults", "adults", "household.children", "children",
                    "channel", "channel-PHONE", "receivedOn", "receivedOn-day"), "line-INCOME-1-amount"), model);
        }
    }

    private Party customer(long id) {
        Party party = parties.find(id).orElseThrow(() -> NotFound.of("customer", id));
        audit.record(party.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.PARTY, id, "income and expenditure page");
        return party;
    }

    private String show(Party party, IncomeExpenditureForm form, FormErrors errors, Model model) {
        model.addAttribute("customer", party);
        model.addAttribute("form", form);
        model.addAttribute("sections", IncomeExpenditureForm.SECTIONS);
        model.addAttribute("lineFrequencies", ArrangementDesk.lineFrequencies());
        model.addAttribute("channels", ArrangementDesk.channels());
        model.addAttribute("errors", errors);
        return "officer/arrangement/income-expenditure";
    }

    private static Map<String, String> withKey(Map<String, String> values) {
        Map<String, String> v = new java.util.HashMap<>(values);
        v.put("key", java.util.UUID.randomUUID().toString());
        return v;
    }
}
