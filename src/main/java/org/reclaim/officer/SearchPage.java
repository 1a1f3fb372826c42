package org.reclaim.officer;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountSearch;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Find a customer or account by reference, name, address, postcode or UPRN: what a caller gives over the phone. */
@Controller
class SearchPage {

    private final AccountSearch search;
    private final AccessAudit audit;

    SearchPage(AccountSearch search, AccessAudit audit) {
        this.search = search;
        this.audit = audit;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("errors", FormErrors.none());
        if (q != null) {
            try {
                List<AccountSearch.Hit> hits = search.search(q);
                audit.recordAll(AccessAudit.Action.SEARCH, hits.stream()
                        .map(h -> new AccessAudit.Seen(h.authorityId(), AccessAudit.Subject.ACCOUNT, h.reference())).toList(),
                        "search page");
                model.addAttribute("hits", hits);
            } catch (InvalidInput e) {
                model.addAttribute("errors", FormErrors.of(e, java.util.Map.of(), "q"));
            }
        }
        return "officer/search";
    }
}
