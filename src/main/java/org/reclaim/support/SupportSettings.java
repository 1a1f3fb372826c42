package org.reclaim.support;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each authority's settings for the entitlement prompts and referrals (table support_setting), with defaults when none are set. */
@Service
public class SupportSettings {

    /**
     * @param ctrPromptIncomeBelow a monthly household income below this prompts about Council Tax Reduction; null: income alone
     *                             prompts nothing (each council's working-age scheme sets its own means test, LGFA 1992 s. 13A,
     *                             so there is no national figure to default to)
     * @param debtAdvicePauseDays  how long a referral to debt advice holds recovery unless the officer says otherwise
     */
    public record Settings(@Nullable Money ctrPromptIncomeBelow, int debtAdvicePauseDays) {
    }

    /**
     * 30 days: the Pre-Action Protocol for Debt Claims (CPR, in force 1 October 2017) asks a creditor told that the debtor
     * is seeking debt advice not to start proceedings for 30 days, to let the advice be obtained (summary:
     * http://www.accesscm.co.uk/new-pre-action-protocol-debt-claims-%E2%80%93-part-two). Council Tax recovery is not a CPR
     * claim, so this is the nearest published standard, not a rule that binds it: the authority can change it.
     */
    static final int DEFAULT_DEBT_ADVICE_PAUSE_DAYS = 30;
    /** The longest pause a referral sets: beyond the 60 days of a statutory breathing space (SI 2020/1311 reg 26) the adviser applies for one. */
    static final int LONGEST_PAUSE_DAYS = 60;

    private final JdbcClient jdbc;
    private final Clock clock;

    SupportSettings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Settings of(int authorityId) {
        return jdbc.sql("select ctr_prompt_income_below_pence, debt_advice_pause_days from support_setting where authority_id = ?")
                .param(authorityId)
                .query((rs, n) -> new Settings(rs.getObject(1) == null ? null : Money.ofPence(rs.getLong(1)), rs.getInt(2)))
                .optional().orElse(new Settings(null, DEFAULT_DEBT_ADVICE_PAUSE_DAYS));
    }

    @Transactional
    public Settings set(int authorityId, Settings s) {
        jdbc.sql("""
                insert into support_setting (authority_id, ctr_prompt_income_below_pence, debt_advice_pause_days, set_at, set_by)
                values (?, ?, ?, ?, ?)
                on conflict (authority_id) do update set ctr_prompt_income_below_pence = excluded.ctr_prompt_income_below_pence,
                    debt_advice_pause_days = excluded.debt_advice_pause_days, set_at = excluded.set_at, set_by = excluded.set_by""")
                .params(authorityId, s.ctrPromptIncomeBelow() == null ? null : s.ctrPromptIncomeBelow().pence(), s.debtAdvicePauseDays(),
                        OffsetDateTime.now(clock), AccessAudit.currentUser())
                .update();
        return of(authorityId);
    }
}
