package org.reclaim.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.billing.Bills;
import org.reclaim.billing.BusinessRatesBilling;
import org.reclaim.billing.BusinessRatesCharge;
import org.reclaim.billing.CircumstanceChanges;
import org.reclaim.billing.CouncilTaxBilling;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.billing.CouncilTaxCircumstances.Discount;
import org.reclaim.parties.Party;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Each entitlement prompt fires on the data that should fire it, and not otherwise (issue 6): bills, circumstance changes,
 * holds and circumstance facts recorded through the application, read back through the API.
 */
@IntegrationTest
class EntitlementPromptsIT {

    private static final FinancialYear Y = FinancialYear.of(2026);
    private static final String AS_OF = "2026-10-01";

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Authorities authorities;
    @Autowired CouncilTaxBilling councilTax;
    @Autowired BusinessRatesBilling rates;
    @Autowired CircumstanceChanges changes;
    @Autowired Holds holds;

    @Autowired SupportSettings settings;

    TestData data;
    /** One council for the class (tests share a database with few free reference prefixes); each test makes its own accounts. */
    static BillingAuthority council;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Prompts Council").create();
            authorities.replacePrecepts(council.id(), Y, List.of(
                    new Authorities.PreceptSetting("Prompts Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(200000), "test")));
        }
    }

    @Test
    void singlePersonDiscountFiresForOneAdultWithNoDiscountOnly() throws Exception {
        Account alone = billed(CouncilTaxCircumstances.NONE, person());
        Account discounted = billed(CouncilTaxCircumstances.NONE.withDiscount(Discount.SINGLE_PERSON), person());
        Account couple = billed(CouncilTaxCircumstances.NONE, person(), person());

        assertThat(codes(alone, "")).containsExactly("SINGLE_PERSON_DISCOUNT");
        mvc.perform(prompts(alone, ""))
                .andExpect(jsonPath("$.prompts[0].why").value(org.hamcrest.Matchers.containsString("one adult known at the property (1 liable person(s))")))
                .andExpect(jsonPath("$.prompts[0].rule").value("LGFA 1992 s. 11(1)(a) (single person discount 25%)"))
                .andExpect(jsonPath("$.prompts[0].ask").isNotEmpty())
                .andExpect(jsonPath("$.prompts[0].title").value("Single person discount"));
        assertThat(codes(discounted, "")).isEmpty();
        assertThat(codes(couple, "")).isEmpty();
        // the customer says a second adult lives there: no prompt; says they now live alone: a prompt for the couple's account
        assertThat(codes(alone, "&householdAdults=2")).isEmpty();
        assertThat(codes(couple, "&householdAdults=1")).containsExactly("SINGLE_PERSON_DISCOUNT");
        // the discount granted from a day by a change of circumstances: none from then, still one before
        changes.record(alone.reference(), LocalDate.of(2026, 9, 1), CouncilTaxCircumstances.NONE.withDiscount(Discount.SINGLE_PERSON),
                "lives alone", LocalDate.of(2026, 9, 1));
        assertThat(codes(alone, "")).isEmpty();
        assertThat(codes(alone.reference().value(), "2026-08-01", "")).containsExactly("SINGLE_PERSON_DISCOUNT");
    }

    @Test
    void councilTaxReductionFiresOnLowIncomeOrAnIncomeRelatedBenefitWithNoAwardOrClaim() throws Exception {
        Party a = person();
        Party b = person();
        Account couple = billed(CouncilTaxCircumstances.NONE, a, b);
        Account awarded = billed(CouncilTaxCircumstances.NONE.withCouncilTaxReduction(Money.ofPence(40000)), person(), person());

        // no threshold set (the default): an income alone prompts nothing
        settings.set(council.id(), new SupportSettings.Settings(null, 30));
        assertThat(codes(couple, "&monthlyIncomePence=50000")).isEmpty();
        mvc.perform(put("/api/v1/authorities/{code}/support-settings", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"ctrPromptIncomeBelowPence\": 96000, \"debtAdvicePauseDays\": 30}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ctrPromptIncomeBelowPence").value(96000));

        assertThat(codes(couple, "&monthlyIncomePence=95999")).containsExactly("COUNCIL_TAX_REDUCTION");
        assertThat(codes(couple, "&monthlyIncomePence=96000")).isEmpty();
        assertThat(codes(couple, "")).isEmpty();
        assertThat(codes(awarded, "&monthlyIncomePence=50000")).isEmpty();
        // a benefit noted on the household, or recorded for a liable person, prompts without an income
        assertThat(codes(couple, "&noted=INCOME_RELATED_BENEFIT")).containsExactly("COUNCIL_TAX_REDUCTION");
        fact(b, "INCOME_RELATED_BENEFIT", "2026-06-01");
        assertThat(codes(couple, "")).containsExactly("COUNCIL_TAX_REDUCTION");
        assertThat(codes(couple.reference().value(), "2026-05-31", "")).isEmpty();
        // a claim already made (recovery held for it): nothing to prompt
        holds.place(couple, HoldType.CTR_CLAIM_PENDING, LocalDate.of(2026, 9, 20), null, LocalDate.of(2026, 11, 1), "claim made");
        assertThat(codes(couple, "")).isEmpty();
    }

    @Test
    void studentPromptFiresWhenDisregardingTheStudentGivesMoreThanTheBill() throws Exception {
        Party student = person();
        Account withStudent = billed(CouncilTaxCircumstances.NONE, student, person());
        Account soleStudent = billed(CouncilTaxCircumstances.NONE.withDiscount(Discount.SINGLE_PERSON), student);
        Account exempt = billed(CouncilTaxCircumstances.NONE.exempt("N"), student);
        Account noStudent = billed(CouncilTaxCircumstances.NONE, person(), person());

        assertThat(codes(withStudent, "")).isEmpty();
        fact(student, "STUDENT", "2026-09-01");

        // two adults, one a student: one counted, so a single person discount the bill does not give
        assertThat(codes(withStudent, "")).containsExactly("STUDENT_EXEMPTION");
        mvc.perform(prompts(withStudent, "")).andExpect(jsonPath("$.prompts[0].why").value(org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("customer " + student.id() + " recorded as a student"),
                org.hamcrest.Matchers.containsString("due a single person discount"))));
        // a student living alone with a single person discount: the home may be exempt (Class N)
        assertThat(codes(soleStudent, "")).containsExactly("STUDENT_EXEMPTION");
        assertThat(codes(exempt, "")).isEmpty();
        assertThat(codes(noStudent, "")).isEmpty();
        assertThat(codes(noStudent, "&householdAdults=2&noted=STUDENT")).containsExactly("STUDENT_EXEMPTION");
        // before the fact starts, nothing
        assertThat(codes(withStudent.reference().value(), "2026-08-31", "")).isEmpty();
    }

    @Test
    void severelyMentallyImpairedPromptFiresOnTheFactUnlessTheBillAlreadyGivesIt() throws Exception {
        Party impaired = person();
        Account home = billed(CouncilTaxCircumstances.NONE, impaired, person());
        Account discounted = billed(CouncilTaxCircumstances.NONE.withDiscount(Discount.SINGLE_PERSON), impaired, person());

        assertThat(codes(home, "")).isEmpty();
        fact(impaired, "SEVERELY_MENTALLY_IMPAIRED", "2026-01-01");

        assertThat(codes(home, "")).containsExactly("SEVERELY_MENTALLY_IMPAIRED");
        assertThat(codes(discounted, "")).isEmpty();
    }

    @Test
    void disabledBandReductionFiresOnAnAdaptationWithoutTheReduction() throws Exception {
        Party disabled = person();
        Account home = billed(CouncilTaxCircumstances.NONE, disabled, person());
        Account reduced = billed(CouncilTaxCircumstances.NONE.withDisabledBandReduction(), disabled, person());

        assertThat(codes(home, "")).isEmpty();
        fact(disabled, "DISABLED_ADAPTATION", "2026-04-01");

        assertThat(codes(home, "")).containsExactly("DISABLED_BAND_REDUCTION");
        assertThat(codes(reduced, "")).isEmpty();
    }

    @Test
    void smallBusinessRateReliefFiresBelowTheBandWhenTheBillHasNone() throws Exception {
        Account sole = ratesBilled(1_000_000, BusinessRatesCharge.Circumstances.OCCUPIED);
        Account notSole = ratesBilled(1_000_000, BusinessRatesCharge.Circumstances.OCCUPIED.notSoleProperty());
        Account aboveBand = ratesBilled(1_500_000, BusinessRatesCharge.Circumstances.OCCUPIED.notSoleProperty());
        Account charity = ratesBilled(1_000_000, BusinessRatesCharge.Circumstances.OCCUPIED.notSoleProperty().asCharity());

        assertThat(codes(sole, "")).isEmpty();
        assertThat(codes(notSole, "")).containsExactly("SMALL_BUSINESS_RATE_RELIEF");
        mvc.perform(prompts(notSole, "")).andExpect(jsonPath("$.prompts[0].why").value(org.hamcrest.Matchers.allOf(
                org.hamcrest.Matchers.containsString("rateable value £10,000.00 is below £15,000.00"),
                org.hamcrest.Matchers.containsString("not the ratepayer's only property"))));
        assertThat(codes(aboveBand, "")).isEmpty();
        assertThat(codes(charity, "")).isEmpty();
    }

    @Test
    void badFactsAreRefusedNamingTheField() throws Exception {
        Account home = billed(CouncilTaxCircumstances.NONE, person());
        mvc.perform(prompts(home, "&householdAdults=0&monthlyIncomePence=-1&noted=WIZARD"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("householdAdults", "monthlyIncomePence",
                        "noted")));
        Party p = person();
        postFact(p, "{\"fact\": \"STUDENT\", \"startsOn\": \"2026-09-01\", \"endsOn\": \"2026-08-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("endsOn"));
        postFact(p, "{\"fact\": \"ASTRONAUT\", \"startsOn\": \"2026-09-01\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("fact"));
    }

    @Test
    void aFactRecordedTwiceIsOneFactAndCanBeEnded() throws Exception {
        Party p = person();
        Account home = billed(CouncilTaxCircumstances.NONE, p, person());
        long id = fact(p, "DISABLED_ADAPTATION", "2026-04-01");
        postFact(p, "{\"fact\": \"DISABLED_ADAPTATION\", \"startsOn\": \"2026-04-01\"}").andExpect(status().isOk()).andExpect(jsonPath("$.id").value(id));
        mvc.perform(post("/api/v1/customers/{id}/circumstance-facts/{fact}/end", p.id(), id).with(httpBasic("officer", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"endsOn\": \"2026-09-30\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.endsOn").value("2026-09-30"));
        mvc.perform(get("/api/v1/customers/{id}/circumstance-facts", p.id()).with(httpBasic("auditor", "reclaim-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
        assertThat(codes(home, "")).isEmpty();
        assertThat(codes(home.reference().value(), "2026-09-30", "")).containsExactly("DISABLED_BAND_REDUCTION");
    }

    private Party person() {
        return data.person(council).create();
    }

    private Account billed(CouncilTaxCircumstances circumstances, Party... liable) {
        Account a = data.account(council).liable(liable).property(data.dwelling(council).band(CouncilTaxBand.D).create())
                .from(LocalDate.of(2020, 6, 1)).open();
        councilTax.bill(a.reference(), Y, LocalDate.of(2026, 3, 5), "Annual bill", circumstances, new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }

    private Account ratesBilled(long rateableValuePence, BusinessRatesCharge.Circumstances circumstances) {
        Account a = data.account(council).stream(RevenueStream.BUSINESS_RATES)
                .property(data.nonDomestic(council).rateableValuePence(rateableValuePence).create()).from(LocalDate.of(2020, 4, 1)).open();
        rates.bill(a.reference(), Y, LocalDate.of(2026, 3, 5), "Annual bill", circumstances, new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }

    private long fact(Party p, String fact, String startsOn) throws Exception {
        String body = postFact(p, "{\"fact\": \"" + fact + "\", \"startsOn\": \"" + startsOn + "\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions postFact(Party p, String json) throws Exception {
        return mvc.perform(post("/api/v1/customers/{id}/circumstance-facts", p.id()).with(httpBasic("officer", "reclaim-demo"))
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private MockHttpServletRequestBuilder prompts(Account a, String query) {
        return get("/api/v1/accounts/" + a.reference().value() + "/entitlement-prompts?asOf=" + AS_OF + query)
                .with(httpBasic("officer", "reclaim-demo"));
    }

    private List<String> codes(Account a, String query) throws Exception {
        return codes(a.reference().value(), AS_OF, query);
    }

    private List<String> codes(String reference, String asOf, String query) throws Exception {
        String body = mvc.perform(get("/api/v1/accounts/" + reference + "/entitlement-prompts?asOf=" + asOf + query)
                        .with(httpBasic("officer", "reclaim-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.prompts[*].code");
    }
}
