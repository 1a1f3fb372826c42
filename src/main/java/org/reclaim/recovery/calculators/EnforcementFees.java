package org.reclaim.recovery.calculators;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Enforcement agents' fees on a Council Tax or Business Rates liability order debt: Taking Control of Goods (Fees)
 * Regulations 2014 (SI 2014/1) regs 4, 5 and 7 and Schedule Table 1, read from table {@code enforcement_agent_fee}
 * (migration V51, each row with its source). Disbursements (storage, locksmith, court fees, auction costs) and the
 * sum equivalent to VAT are not included.
 */
@Component
public class EnforcementFees {

    private final JdbcClient jdbc;

    EnforcementFees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The fee of each stage in force on this date, on this sum to be recovered (SI 2014/1 reg 2(1): the debt that
     * remains unpaid under the liability order, excluding the agent's fees and disbursements).
     */
    public EnforcementStageFees on(Money sumToBeRecovered, LocalDate date) {
        Map<EnforcementStage, StageFee> scale = scale(date);
        return EnforcementStageFees.on(sumToBeRecovered, scale.get(EnforcementStage.COMPLIANCE), scale.get(EnforcementStage.ENFORCEMENT),
                scale.get(EnforcementStage.SALE_OR_DISPOSAL));
    }

    /** The fixed fee, percentage and threshold of each stage in force on this date, with their source. */
    public Map<EnforcementStage, StageFee> scale(LocalDate date) {
        Map<EnforcementStage, StageFee> fees = new EnumMap<>(EnforcementStage.class);
        jdbc.sql("""
                        select distinct on (stage) * from enforcement_agent_fee
                        where effective_from <= ?
                        order by stage, effective_from desc""")
                .param(date)
                .query((rs, n) -> new StageFee(EnforcementStage.valueOf(rs.getString("stage")),
                        rs.getObject("effective_from", LocalDate.class), Money.ofPence(rs.getLong("fixed_fee_pence")),
                        rs.getBigDecimal("percent"), Money.ofPence(rs.getLong("percent_above_pence")), rs.getString("source")))
                .list().forEach(f -> fees.put(f.stage(), f));
        if (fees.size() != EnforcementStage.values().length) {
            throw NotFound.of("enforcement agents' fee scale in force on", date);
        }
        return Map.copyOf(fees);
    }
}
