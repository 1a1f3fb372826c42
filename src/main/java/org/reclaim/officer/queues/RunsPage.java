package org.reclaim.officer.queues;

import org.reclaim.directdebit.DirectDebitRuns;
import org.reclaim.officer.SignedIn;
import org.reclaim.payments.PaymentFiles;
import org.reclaim.recovery.RecoveryRuns;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The runs: a link to each kind and its latest runs. */
@Controller
class RunsPage {

    static final int LATEST = 5;

    private final RecoveryRuns recovery;
    private final DirectDebitRuns directDebit;
    private final PaymentFiles paymentFiles;

    RunsPage(RecoveryRuns recovery, DirectDebitRuns directDebit, PaymentFiles paymentFiles) {
        this.recovery = recovery;
        this.directDebit = directDebit;
        this.paymentFiles = paymentFiles;
    }

    @GetMapping("/runs")
    String runs(Model model) {
        model.addAttribute("recoveryRuns", recovery.recent(LATEST));
        if (DirectDebitRunPages.mayRead((SignedIn) model.getAttribute("signedIn"))) {
            model.addAttribute("directDebitRuns", directDebit.recent(LATEST));
        }
        model.addAttribute("paymentFiles", paymentFiles.recent(LATEST));
        return "officer/queues/runs";
    }
}
