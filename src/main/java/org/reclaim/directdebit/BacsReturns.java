package org.reclaim.directdebit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.directdebit.bacs.Addacs;
import org.reclaim.directdebit.bacs.AddacsReason;
import org.reclaim.directdebit.bacs.Arudd;
import org.reclaim.directdebit.bacs.AruddReason;
import org.reclaim.payments.PaymentReversal;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the reports Bacs sends back, each in one transaction: all of it or, if any item is bad or unknown, none of
 * it (400 naming the item). A report received before (the same content) is recognised and changes nothing.
 * <p>
 * ARUDD, each unpaid Direct Debit: the payment is reversed (PAYMENT_REVERSAL on the same years), the instalment is
 * recorded as missed for the recovery run (view {@code direct_debit_missed_instalment}) and the mandate is changed as
 * the reason says (REFERENCE.md 8.3; accesspaysuite.com "ARUDD reason codes"): 0 refer to payer — kept, and the
 * collection may be re-presented once within a month; 1 instruction cancelled, 2 payer deceased, 5 no account,
 * 6 no instruction, B account closed — cancelled (2 also flagged for an officer); 3 account transferred — suspended
 * until the payer gives a new instruction; 4, 7, 8, 9, A — kept, the return recorded for an officer to follow up.
 * <p>
 * ADDACS, each advice: 0 and 1 cancel; 2 payer deceased cancels and flags the mandate for an officer; 3 and C
 * (account transferred) and E (instruction amended) move the mandate to the new bank details given; R reinstates it;
 * B (account closed) cancels; D (advance notice disputed) is recorded and flagged for an officer.
 */
@Service
class BacsReturns {

    /** What a report did. */
    record Applied(String kind, boolean alreadyProcessed, int items, int paymentsReversed, int mandatesCancelled, int mandatesSuspended,
                   int mandatesAmended, int mandatesReinstated, int forOfficer) {
    }

    private static final Set<AruddReason> ARUDD_CANCELS = Set.of(AruddReason.INSTRUCTION_CANCELLED, AruddReason.PAYER_DECEASED,
            AruddReason.NO_ACCOUNT, AruddReason.NO_INSTRUCTION, AruddReason.ACCOUNT_CLOSED);

    private final JdbcClient jdbc;
    private final Mandates mandates;
    private final PaymentReversal reversal;
    private final Clock clock;

    BacsReturns(JdbcClient jdbc, Mandates mandates, PaymentReversal reversal, Clock clock) {
        this.jdbc = jdbc;
        this.mandates = mandates;
        this.reversal = reversal;
        this.clock = clock;
    }

    @Transactional
    Applied apply(BillingAuthority authority, String xml) {
        if (xml.contains("<ARUDD")) {
            return arudd(authority, xml, Arudd.parse(xml));
        }
        if (xml.contains("MessagingAdvices")) {
            return addacs(authority, xml, Addacs.parse(xml));
        }
        throw InvalidInput.of("document", "this is neither an ARUDD report (no <ARUDD>) nor an ADDACS report (no <MessagingAdvices>)");
    }

    private Applied arudd(BillingAuthority authority, String xml, List<Arudd.ReturnedDebit> items) {
        Long reportId = record(authority, "ARUDD", xml, items.size());
        if (reportId == null) {
            return new Applied("ARUDD", true, items.size(), 0, 0, 0, 0, 0, 0);
        }
        record Matched(Arudd.ReturnedDebit item, Mandate mandate, long paymentId, LocalDate dueOn, int year, int attempt, long accountId) {
        }
        List<Matched> matched = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Arudd.ReturnedDebit item = items.get(i);
            String field = "item " + (i + 1);
            Mandate mandate = mandates.byReference(authority.id(), item.reference()).orElseThrow(() -> InvalidInput.of(field,
                    "no Direct Debit " + item.reference() + " at " + authority.name()));
            List<Matched> found = jdbc.sql("""
                    select payment_id, due_on, financial_year, attempt, account_id from collection
                    where authority_id = ? and mandate_id = ? and processing_day = ? and amount_pence = ?
                      and not exists (select 1 from direct_debit_return r where r.authority_id = collection.authority_id
                                        and r.mandate_id = collection.mandate_id and r.due_on = collection.due_on
                                        and r.financial_year = collection.financial_year and r.attempt = collection.attempt)
                    order by financial_year, due_on, attempt""")
                    .params(authority.id(), mandate.id(), item.originalProcessingDate(), item.amount().pence())
                    .query((rs, n) -> new Matched(item, mandate, rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4),
                            rs.getLong(5)))
                    .list();
            Matched m = found.stream().filter(f -> matched.stream().noneMatch(x -> x.mandate().id() == f.mandate().id()
                    && x.dueOn().equals(f.dueOn()) && x.year() == f.year() && x.attempt() == f.attempt())).findFirst()
                    .orElseThrow(() -> InvalidInput.of(field, "Direct Debit " + item.reference() + " has no collection of " + item.amount()
                            + " processed on " + item.originalProcessingDate() + " that has not been returned already"));
            matched.add(m);
        }
        LocalDate today = LocalDate.now(clock);
        int reversed = 0;
        int cancelled = 0;
        int suspended = 0;
        int forOfficer = 0;
        for (Matched m : matched) {
            AruddReason reason = m.item().reason();
            String why = "ARUDD " + reason.code() + " " + reason.meaning();
            reversal.reverse(authority.id(), m.paymentId(), today, "Direct Debit returned unpaid, " + why);
            reversed++;
            boolean representable = reason == AruddReason.REFER_TO_PAYER && m.attempt() == 1;
            jdbc.sql("""
                    insert into direct_debit_return (authority_id, report_id, mandate_id, due_on, financial_year, attempt, account_id, amount_pence,
                                                     processing_day, reason_code, reason, returned_on, represent_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(authority.id(), reportId, m.mandate().id(), m.dueOn(), m.year(), m.attempt(), m.accountId(), m.item().amount().pence(),
                            m.item().originalProcessingDate(), reason.code(), reason.meaning(), today,
                            representable ? m.item().originalProcessingDate().plusMonths(1) : null)
                    .update();
            Mandate current = mandates.get(authority.id(), m.mandate().id());
            String detail = why + ": the collection of " + m.item().amount() + " due " + m.dueOn() + " was returned unpaid";
            if (ARUDD_CANCELS.contains(reason) && current.status() != Mandate.Status.CANCELLED) {
                boolean deceased = reason == AruddReason.PAYER_DECEASED;
                mandates.end(current, "CANCELLED", detail, "ARUDD", deceased);
                cancelled++;
                forOfficer += deceased ? 1 : 0;
            } else if (reason == AruddReason.ACCOUNT_TRANSFERRED && current.status().isLive()) {
                mandates.end(current, "SUSPENDED", detail + "; a new instruction is needed for the new account", "ARUDD", true);
                suspended++;
                forOfficer++;
            } else {
                boolean follow = reason != AruddReason.REFER_TO_PAYER;
                mandates.event(current, "RETURNED", detail + (representable ? "; it will be re-presented once by a run within a month" : ""),
                        "ARUDD", follow);
                forOfficer += follow ? 1 : 0;
            }
        }
        return new Applied("ARUDD", false, items.size(), reversed, cancelled, suspended, 0, 0, forOfficer);
    }

    private Applied addacs(BillingAuthority authority, String xml, List<Addacs.InstructionAmendment> items) {
        Long reportId = record(authority, "ADDACS", xml, items.size());
        if (reportId == null) {
            return new Applied("ADDACS", true, items.size(), 0, 0, 0, 0, 0, 0);
        }
        List<Mandate> found = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Addacs.InstructionAmendment item = items.get(i);
            String field = "item " + (i + 1);
            found.add(mandates.byReference(authority.id(), item.reference()).orElseThrow(() -> InvalidInput.of(field,
                    "no Direct Debit " + item.reference() + " at " + authority.name())));
        }
        int cancelled = 0;
        int amended = 0;
        int reinstated = 0;
        int forOfficer = 0;
        for (int i = 0; i < items.size(); i++) {
            Addacs.InstructionAmendment item = items.get(i);
            Mandate mandate = mandates.get(authority.id(), found.get(i).id());
            AddacsReason reason = item.reason();
            String detail = "ADDACS " + reason.code() + " " + reason.meaning() + ", effective " + item.effectiveDate();
            switch (reason) {
                case INSTRUCTION_CANCELLED_REFER_TO_PAYER, CANCELLED_BY_PAYER, ACCOUNT_CLOSED, PAYER_DECEASED -> {
                    boolean deceased = reason == AddacsReason.PAYER_DECEASED;
                    if (mandate.status() != Mandate.Status.CANCELLED) {
                        mandates.end(mandate, "CANCELLED", detail, "ADDACS", deceased);
                        cancelled++;
                    } else {
                        mandates.event(mandate, deceased ? "PAYER_DECEASED" : "RETURNED", detail + " (already cancelled)", "ADDACS", deceased);
                    }
                    forOfficer += deceased ? 1 : 0;
                }
                case ACCOUNT_TRANSFERRED, TRANSFERRED_TO_DIFFERENT_BRANCH, INSTRUCTION_AMENDED -> {
                    if (item.newBankAccount().isPresent()) {
                        mandates.amend(mandate, item.newBankAccount().get(), detail, "ADDACS");
                        amended++;
                    } else {
                        mandates.event(mandate, "AMENDED", detail + "; no new bank details given", "ADDACS", true);
                        forOfficer++;
                    }
                }
                case INSTRUCTION_REINSTATED -> {
                    mandates.reinstate(mandate, detail, "ADDACS");
                    reinstated++;
                }
                case ADVANCE_NOTICE_DISPUTED -> {
                    mandates.event(mandate, "NOTICE_DISPUTED", detail, "ADDACS", true);
                    forOfficer++;
                }
            }
        }
        return new Applied("ADDACS", false, items.size(), 0, cancelled, 0, amended, reinstated, forOfficer);
    }

    /** Records the report; null if the same report was received before. */
    private Long record(BillingAuthority authority, String kind, String xml, int items) {
        return jdbc.sql("""
                insert into bacs_report (authority_id, kind, sha256, items, content, received_at, received_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (authority_id, kind, sha256) do nothing returning id""")
                .params(authority.id(), kind, sha256(xml), items, xml, OffsetDateTime.now(clock), AccessAudit.currentUser())
                .query(Long.class).optional().orElse(null);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
