package org.reclaim.arrangements;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Parties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The authority's income and expenditure forms with no arrangement yet, least time left first: the 10-day worklist
 * (the same list as {@code GET /api/v1/income-expenditure?open=true}), with a READ line in the access audit.
 */
@Service
public class OpenForms {

    /** A form waiting for an arrangement: {@code daysLeft} to its {@code respondBy} (negative when overdue). */
    public record OpenForm(long id, long partyId, String customerName, LocalDate receivedOn, String channel, LocalDate respondBy,
                           long daysLeft, long disposableIncomePence) {
    }

    private final JdbcClient jdbc;
    private final IncomeExpenditureForms forms;
    private final Parties parties;
    private final Clock clock;

    OpenForms(JdbcClient jdbc, IncomeExpenditureForms forms, Parties parties, Clock clock) {
        this.jdbc = jdbc;
        this.forms = forms;
        this.parties = parties;
        this.clock = clock;
    }

    public List<OpenForm> of(BillingAuthority authority) {
        return forms.worklist(authority.id(), true, LocalDate.now(clock)).stream().map(w -> new OpenForm(w.form().id(), w.form().partyId(),
                parties.get(w.form().partyId()).displayName(), w.form().receivedOn(), w.form().channel().name(), w.form().respondBy(),
                w.daysLeft(), w.form().totals().disposable().pence())).toList();
    }

    /** How many forms are waiting, and how many of them are due within {@code days} days (overdue ones included). */
    public record Due(long open, long dueWithin, long overdue) {
    }

    /** Counts only (no one's form is read, so nothing goes in the access audit): for the dashboard. */
    public Due due(BillingAuthority authority, int days) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select count(*), count(*) filter (where f.respond_by <= ?), count(*) filter (where f.respond_by < ?)
                from income_expenditure f
                where f.authority_id = ? and not exists (select 1 from arrangement a where a.authority_id = f.authority_id
                                                           and a.income_expenditure_id = f.id)""")
                .params(today.plusDays(days), today, authority.id())
                .query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }
}
