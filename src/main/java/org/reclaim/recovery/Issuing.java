package org.reclaim.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues recovery actions: the action row (once per account, year and stage, by its unique key), the document request
 * for the letters issue, and the costs on the ledger. Runs in the caller's transaction, so a chunk or a release is
 * written whole or not at all.
 */
@Component
class Issuing {

    record ToIssue(long accountId, AccountReference reference, int financialYear, String code, LocalDate issuedOn, String rule,
                   @Nullable Long runId, @Nullable Long lineId, Money amount, Money costs, @Nullable LocalDate hearingOn, String document) {
        String key() {
            return accountId + "/" + financialYear + "/" + code;
        }
    }

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final AccessAudit audit;
    private final Clock clock;

    Issuing(JdbcClient jdbc, Ledger ledger, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues what is not issued yet; returns the keys ({@link ToIssue#key}) of the actions issued now. */
    Set<String> issue(int authorityId, List<ToIssue> actions) {
        Set<String> issued = new HashSet<>();
        if (actions.isEmpty()) {
            return issued;
        }
        int n = actions.size();
        Long[] accounts = new Long[n];
        Integer[] years = new Integer[n];
        String[] codes = new String[n];
        String[] dates = new String[n];
        String[] rules = new String[n];
        Long[] runs = new Long[n];
        Long[] lines = new Long[n];
        Long[] amounts = new Long[n];
        Long[] costs = new Long[n];
        String[] hearings = new String[n];
        String[] documents = new String[n];
        for (int i = 0; i < n; i++) {
            ToIssue a = actions.get(i);
            accounts[i] = a.accountId();
            years[i] = a.financialYear();
            codes[i] = a.code();
            dates[i] = a.issuedOn().toString();
            rules[i] = a.rule();
            runs[i] = a.runId();
            lines[i] = a.lineId();
            amounts[i] = a.amount().pence();
            costs[i] = a.costs().pence();
            hearings[i] = a.hearingOn() == null ? null : a.hearingOn().toString();
            documents[i] = a.document();
        }
        record Issued(long id, long accountId, int year, String code, long costs, LocalDate on, String document) {
        }
        // the unique key (account, year, stage) makes a repeated or resumed run issue nothing twice
        List<Issued> rows = jdbc.sql("""
                insert into recovery_action (authority_id, account_id, financial_year, code, issued_on, rule, run_id, line_id, amount_pence,
                                             costs_pence, hearing_on, issued_by, created_at)
                select ?, a, y, c, d, r, run, line, amt, cst, h, ?, ?
                from unnest(?::bigint[], ?::int[], ?::text[], ?::date[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::date[],
                            ?::text[]) as x (a, y, c, d, r, run, line, amt, cst, h, doc)
                on conflict (authority_id, account_id, financial_year, code) do nothing
                returning id, account_id, financial_year, code, costs_pence, issued_on""")
                .params(authorityId, AccessAudit.currentUser(), OffsetDateTime.now(clock), accounts, years, codes, dates, rules, runs, lines,
                        amounts, costs, hearings, documents)
                .query((rs, i) -> new Issued(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getLong(5),
                        rs.getObject(6, LocalDate.class), ""))
                .list();
        java.util.Map<String, ToIssue> byKey = new java.util.HashMap<>();
        actions.forEach(a -> byKey.put(a.key(), a));
        List<Long> docActions = new ArrayList<>();
        List<Long> docAccounts = new ArrayList<>();
        List<String> docCodes = new ArrayList<>();
        List<String> docDates = new ArrayList<>();
        List<Ledger.AccountPosting> postings = new ArrayList<>();
        List<AccessAudit.Seen> seen = new ArrayList<>();
        for (Issued row : rows) {
            ToIssue a = byKey.get(row.accountId() + "/" + row.year() + "/" + row.code());
            issued.add(a.key());
            if (!a.document().isEmpty()) {
                docActions.add(row.id());
                docAccounts.add(row.accountId());
                docCodes.add(a.document());
                docDates.add(row.on().toString());
            }
            if (row.costs() > 0) {
                postings.add(new Ledger.AccountPosting(row.accountId(), new Posting(a.reference(), FinancialYear.of(row.year()), EntryType.COSTS,
                        Money.ofPence(row.costs()), row.on(), null, "Costs: " + row.code().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        "recovery-costs:" + row.id(), null)));
            }
            if (row.code().equals(NextStep.COSTS_WITHDRAWN)) {
                // the correcting entry names the summons costs it takes back
                postings.add(new Ledger.AccountPosting(row.accountId(), new Posting(a.reference(), FinancialYear.of(row.year()), EntryType.ADJUSTMENT,
                        a.amount().negate(), row.on(), null, "Summons costs withdrawn: " + a.rule(), "recovery-costs:" + row.id(),
                        summonsCostsEntry(authorityId, row.accountId(), row.year()))));
            }
            seen.add(new AccessAudit.Seen(authorityId, AccessAudit.Subject.ACCOUNT, a.reference().value()));
        }
        if (!docActions.isEmpty()) {
            jdbc.sql("""
                    insert into recovery_document_request (authority_id, action_id, account_id, document_code, requested_on)
                    select ?, a, acc, doc, d from unnest(?::bigint[], ?::bigint[], ?::text[], ?::date[]) as x (a, acc, doc, d)""")
                    .params(authorityId, docActions.toArray(Long[]::new), docAccounts.toArray(Long[]::new), docCodes.toArray(String[]::new),
                            docDates.toArray(String[]::new))
                    .update();
        }
        if (!postings.isEmpty()) {
            ledger.copyAll(authorityId, postings);
        }
        if (!seen.isEmpty()) {
            audit.recordAll(AccessAudit.Action.CHANGE, seen, "recovery action issued");
        }
        return issued;
    }

    /** The ledger entry of the summons costs on an account's year, if any were posted. */
    @Nullable Long summonsCostsEntry(int authorityId, long accountId, int year) {
        return jdbc.sql("""
                select e.id from recovery_action s
                join ledger_entry e on e.authority_id = s.authority_id and e.idempotency_key = 'recovery-costs:' || s.id
                where s.authority_id = ? and s.account_id = ? and s.financial_year = ? and s.code = 'SUMMONS'""")
                .params(authorityId, accountId, year).query(Long.class).optional().orElse(null);
    }
}
