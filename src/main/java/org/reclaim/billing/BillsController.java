package org.reclaim.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.Accounts;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An account's bills and its instalment plans. */
@RestController
@RequestMapping("/api/v1/accounts/{reference}")
class BillsController {

    record CouncilTaxBillRequest(@NotBlank(message = "is required, for example 2026/27") String financialYear,
                                 @Nullable LocalDate issuedOn,
                                 @Nullable @Pattern(regexp = "TEN_MONTHLY|TWELVE_MONTHLY|WEEKLY|FORTNIGHTLY",
                                         message = "must be TEN_MONTHLY, TWELVE_MONTHLY, WEEKLY or FORTNIGHTLY (weekly and fortnightly where the authority offers them)") String scheme,
                                 // the day of the month, or for WEEKLY and FORTNIGHTLY the day of the week, 1 (Monday) to 7 (Sunday)
                                 @Nullable @Min(1) @Max(28) Integer paymentDay,
                                 CouncilTaxCircumstances.@Nullable Discount discount,
                                 @Nullable Boolean disabledBandReduction,
                                 @Nullable @Pattern(regexp = "[BD-W]", message = "must be an exemption class of England: B or D to W") String exemptionClass,
                                 @Nullable @Min(0) @Max(300) Integer premiumPercent,
                                 @Nullable @Size(max = 100) String premiumReason,
                                 @Nullable @PositiveOrZero Long councilTaxReductionPence,
                                 @Nullable @Size(max = 200) String reason) {
    }

    /**
     * A Business Rates bill: the year, and the ratepayer's circumstances that {@link BusinessRatesCharge.Circumstances}
     * takes (all optional: an occupied sole property with no other relief). Business Rates instalments follow SI 1989/1058
     * Sch. 1 (scheme BUSINESS_RATES); twelve on request is not modelled for Business Rates yet.
     */
    record BusinessRatesBillRequest(@NotBlank(message = "is required, for example 2026/27") String financialYear,
                                    @Nullable LocalDate issuedOn,
                                    @Nullable @Pattern(regexp = "BUSINESS_RATES", message = "must be BUSINESS_RATES (ten monthly instalments at most, SI 1989/1058 Sch. 1)") String scheme,
                                    @Nullable @Min(1) @Max(28) Integer paymentDay,
                                    @Nullable Boolean charity,
                                    @Nullable Boolean soleProperty,
                                    @Nullable Boolean retailHospitalityLeisure,
                                    @Nullable LocalDate emptySince,
                                    @Nullable Boolean industrial,
                                    @Nullable @PositiveOrZero Long rhlReliefAlreadyGivenPence,
                                    @Nullable @Size(max = 200) String reason) {
    }

    record LineView(BillLine.Kind kind, String description, long amountPence) {
    }

    record InstalmentView(String financialYear, int number, LocalDate dueOn, long amountPence) {
    }

    record BillView(long id, String financialYear, LocalDate issuedOn, String reason, long totalPence, String scheme, int paymentDay,
                    @Nullable Long supersedesBillId, List<LineView> lines, List<InstalmentView> instalments, List<String> paymentMethods) {
        static BillView of(Bill b) {
            return new BillView(b.id(), b.year().toString(), b.issuedOn(), b.reason(), b.total().pence(), b.scheme(), b.paymentDay(),
                    b.supersedesBillId(), b.lines().stream().map(l -> new LineView(l.kind(), l.description(), l.amount().pence())).toList(),
                    b.instalments().stream().map(i -> new InstalmentView(b.year().toString(), i.number(), i.dueOn(), i.amount().pence())).toList(),
                    PAYMENT_METHODS);
        }
    }

    /**
     * How a bill can be paid, Direct Debit first: "Direct Debit by Default" (the job specification in shared/seeds) and
     * cheaper methods before cash. The payments module will make this per authority.
     */
    static final List<String> PAYMENT_METHODS = List.of("DIRECT_DEBIT", "CARD", "BANK_TRANSFER", "PAYPOINT", "POST_OFFICE");

    private final CouncilTaxBilling councilTax;
    private final BusinessRatesBilling businessRates;
    private final MoveOut moveOut;
    private final Bills bills;
    private final Accounts accounts;
    private final Clock clock;

    BillsController(CouncilTaxBilling councilTax, BusinessRatesBilling businessRates, MoveOut moveOut, Bills bills, Accounts accounts,
                    Clock clock) {
        this.councilTax = councilTax;
        this.businessRates = businessRates;
        this.moveOut = moveOut;
        this.bills = bills;
        this.accounts = accounts;
        this.clock = clock;
    }

    @PostMapping("/council-tax-bills")
    @ResponseStatus(HttpStatus.CREATED)
    BillView billCouncilTax(@PathVariable String reference, @Valid @RequestBody CouncilTaxBillRequest r) {
        FinancialYear year = FinancialYear.fromRequest(r.financialYear(), "financialYear");
        CouncilTaxCircumstances circumstances = CouncilTaxCircumstances.fromRequest(r.disabledBandReduction(), r.discount(), r.exemptionClass(),
                r.premiumPercent(), r.premiumReason(), r.councilTaxReductionPence());
        Bill bill = councilTax.bill(AccountReference.fromRequest(reference), year, issuedOn(r.issuedOn(), year),
                r.reason() == null ? "Council Tax bill " + year : r.reason(), circumstances,
                plan(r.scheme(), "TEN_MONTHLY", r.paymentDay()));
        return BillView.of(bill);
    }

    @PostMapping("/business-rates-bills")
    @ResponseStatus(HttpStatus.CREATED)
    BillView billBusinessRates(@PathVariable String reference, @Valid @RequestBody BusinessRatesBillRequest r) {
        FinancialYear year = FinancialYear.fromRequest(r.financialYear(), "financialYear");
        BusinessRatesCharge.Circumstances circumstances = new BusinessRatesCharge.Circumstances(Boolean.TRUE.equals(r.charity()),
                !Boolean.FALSE.equals(r.soleProperty()), Boolean.TRUE.equals(r.retailHospitalityLeisure()), r.emptySince(),
                Boolean.TRUE.equals(r.industrial()), Money.ofPence(r.rhlReliefAlreadyGivenPence() == null ? 0 : r.rhlReliefAlreadyGivenPence()));
        Bill bill = businessRates.bill(AccountReference.fromRequest(reference), year, issuedOn(r.issuedOn(), year),
                r.reason() == null ? "Business Rates bill " + year : r.reason(), circumstances,
                plan(r.scheme(), "BUSINESS_RATES", r.paymentDay()));
        return BillView.of(bill);
    }

    /** The plan asked for; a scheme left out is the stream's default, and a rebill then keeps the payer's plan. */
    static Bills.PlanChoice plan(@Nullable String scheme, String defaultScheme, @Nullable Integer paymentDay) {
        return new Bills.PlanChoice(scheme == null ? defaultScheme : scheme, paymentDay == null ? 1 : paymentDay, scheme != null);
    }

    /** The day the notice is issued: today unless given, and no more than a month ahead or six months before the year. */
    private LocalDate issuedOn(@Nullable LocalDate requested, FinancialYear year) {
        return issuedOn(requested, year, LocalDate.now(clock));
    }

    static LocalDate issuedOn(@Nullable LocalDate requested, FinancialYear year, LocalDate today) {
        LocalDate issuedOn = requested == null ? today : requested;
        if (issuedOn.isAfter(today.plusMonths(1)) || issuedOn.isBefore(year.start().minusMonths(6))) {
            throw InvalidInput.of("issuedOn", "must be no more than a month ahead of today and no earlier than six months before " + year + " starts");
        }
        return issuedOn;
    }

    record MovedOut(@jakarta.validation.constraints.NotNull LocalDate lastDayLiable, @Nullable LocalDate issuedOn) {
    }

    /** The payer has left: the liability ends and each billed year from then is rebilled. */
    @PostMapping("/move-out")
    List<BillView> moveOut(@PathVariable String reference, @Valid @RequestBody MovedOut request) {
        return moveOut.moveOut(AccountReference.fromRequest(reference), request.lastDayLiable(),
                request.issuedOn() == null ? LocalDate.now(clock) : request.issuedOn()).stream().map(BillView::of).toList();
    }

    @GetMapping("/bills")
    List<BillView> bills(@PathVariable String reference) {
        Account account = read(reference, "bills");
        return bills.all(account).stream().map(BillView::of).toList();
    }

    /** The plan of each year's current bill: due date and amount of every instalment. */
    @GetMapping("/instalments")
    List<InstalmentView> instalments(@PathVariable String reference) {
        Account account = read(reference, "instalments");
        return bills.currentBills(account).stream().flatMap(b -> BillView.of(b).instalments().stream()).toList();
    }

    private Account read(String reference, String what) {
        return accounts.readForRequest(reference, "/" + what);
    }

}
