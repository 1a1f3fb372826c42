package org.reclaim.recovery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.RevenueStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** An account's recovery: per year, the stage reached, what it owes, the next action and its date; and its holds. */
@Service
public class AccountRecovery {

    public record Year(int financialYear, @Nullable String currentStage, @Nullable LocalDate stageIssuedOn, long arrearsPence, long balancePence,
                       @Nullable String nextAction, @Nullable LocalDate nextActionOn, String rule, @Nullable String heldBy) {
    }

    public record Action(int financialYear, String code, LocalDate issuedOn, String rule, long amountPence, long costsPence,
                         @Nullable LocalDate hearingOn, String issuedBy, @Nullable Long runId) {
    }

    public record View(String account, LocalDate asOf, List<Year> years, List<Holds.Hold> holds, List<Action> actions) {
    }

    private final JdbcClient jdbc;
    private final RecoveryPaths paths;
    private final RecoveryRunChunk chunk;
    private final Holds holds;
    private final Clock clock;

    AccountRecovery(JdbcClient jdbc, RecoveryPaths paths, RecoveryRunChunk chunk, Holds holds, Clock clock) {
        this.jdbc = jdbc;
        this.paths = paths;
        this.chunk = chunk;
        this.holds = holds;
        this.clock = clock;
    }

    public View of(Account account, @Nullable LocalDate asOf) {
        LocalDate date = asOf == null ? LocalDate.now(clock) : asOf;
        Map<RevenueStream, RecoveryPath> byStream = new EnumMap<>(RevenueStream.class);
        byStream.put(RevenueStream.COUNCIL_TAX, paths.current(account.authorityId(), RevenueStream.COUNCIL_TAX));
        byStream.put(RevenueStream.BUSINESS_RATES, paths.current(account.authorityId(), RevenueStream.BUSINESS_RATES));
        List<Year> years = account.stream() == RevenueStream.COUNCIL_TAX || account.stream() == RevenueStream.BUSINESS_RATES
                ? chunk.candidates(account.authorityId(), date, byStream, account.id() - 1, account.id(), true).stream().map(r -> {
                    NextStep.Decision d = NextStep.decide(r.state(), byStream.get(r.stream()), date);
                    return new Year(r.year(), r.state().lastCode(), r.state().lastOn(), r.state().arrears().pence(), r.state().balance().pence(),
                            d.code(), d.on(), d.rule(), r.holdNote());
                }).toList()
                : List.of();
        List<Action> actions = jdbc.sql("""
                select financial_year, code, issued_on, rule, amount_pence, costs_pence, hearing_on, issued_by, run_id from recovery_action
                where authority_id = ? and account_id = ? order by issued_on, id""")
                .params(account.authorityId(), account.id())
                .query((rs, n) -> new Action(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getString(8), (Long) rs.getObject(9)))
                .list();
        return new View(account.reference().value(), date, years, holds.of(account), actions);
    }
}
