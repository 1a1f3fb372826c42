package org.reclaim.recovery.calculators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recovery calculators for officers and integrations. No personal data goes in or comes out, so any signed-in
 * member of staff may call them. The field names {@code deductionPence}, {@code compliancePence},
 * {@code enforcementPence} and {@code salePence} are a public contract.
 */
@RestController
@RequestMapping("/api/v1/calculators")
class CalculatorsController {

    /** £1,000,000,000: anything larger is a mistake (pounds sent as pence, or a corrupted figure). */
    static final long MAX_PENCE = 100_000_000_000L;

    private final AttachmentOfEarnings attachmentOfEarnings;
    private final EnforcementFees enforcementFees;
    private final Clock clock;

    CalculatorsController(AttachmentOfEarnings attachmentOfEarnings, EnforcementFees enforcementFees, Clock clock) {
        this.attachmentOfEarnings = attachmentOfEarnings;
        this.enforcementFees = enforcementFees;
        this.clock = clock;
    }

    record BandView(long fromPence, @Nullable Long toPence, BigDecimal percent, @Nullable BigDecimal percentOfExcess) {
    }

    record DeductionView(long deductionPence, PayPeriod period, LocalDate orderMadeOn, BandView band, String source) {
    }

    record FeesView(long debtPence, long compliancePence, long enforcementPence, long salePence, LocalDate on) {
    }

    /**
     * The Council Tax attachment of earnings deduction on one pay-day (CTAE 1992 reg 38, Sch. 4), from net earnings
     * for the period, under an order made on {@code orderMadeOn} (default today).
     */
    @GetMapping("/attachment-of-earnings")
    DeductionView attachmentOfEarnings(@RequestParam PayPeriod period, @RequestParam long netEarningsPence,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate orderMadeOn) {
        if (netEarningsPence <= 0) {
            throw InvalidInput.of("netEarningsPence", "must be more than zero: the net earnings paid on the pay-day, in pence");
        }
        if (netEarningsPence > MAX_PENCE) {
            throw InvalidInput.of("netEarningsPence", "must not exceed £1,000,000,000: check the amount is in pence");
        }
        LocalDate madeOn = orderMadeOn == null ? LocalDate.now(clock) : orderMadeOn;
        Deduction d = attachmentOfEarnings.deduction(period, Money.ofPence(netEarningsPence), madeOn);
        DeductionBand b = d.band();
        return new DeductionView(d.amount().pence(), period, madeOn, new BandView(b.fromPence().pence(),
                b.upTo() == null ? null : b.upTo().pence(), b.percent().stripTrailingZeros(),
                b.percentOfExcess() == null ? null : b.percentOfExcess().stripTrailingZeros()), b.source());
    }

    /**
     * Each enforcement agent stage's fee (SI 2014/1 Sch. Table 1, reg 7) on a debt: the sum to be recovered under the
     * liability order, excluding the agent's fees, in pence; zero or more. Fees in force on {@code on} (default today).
     */
    @GetMapping("/enforcement-fees")
    FeesView enforcementFees(@RequestParam long debtPence,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on) {
        if (debtPence < 0) {
            throw InvalidInput.of("debtPence", "must be zero or more: the sum still to be recovered under the liability order, in pence");
        }
        if (debtPence > MAX_PENCE) {
            throw InvalidInput.of("debtPence", "must not exceed £1,000,000,000: check the amount is in pence");
        }
        LocalDate date = on == null ? LocalDate.now(clock) : on;
        EnforcementStageFees fees = enforcementFees.on(Money.ofPence(debtPence), date);
        return new FeesView(debtPence, fees.compliance().pence(), fees.enforcement().pence(), fees.saleOrDisposal().pence(), date);
    }
}
