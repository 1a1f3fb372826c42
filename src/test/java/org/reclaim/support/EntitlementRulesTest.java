package org.reclaim.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reclaim.billing.CouncilTaxCircumstances.Discount;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.reclaim.support.EntitlementPrompt.Code;
import org.reclaim.support.EntitlementRules.CouncilTaxHome;
import org.reclaim.support.EntitlementRules.Person;

/** The maximisation rules on their own: who is counted, who is disregarded, and what the bill already gives. */
class EntitlementRulesTest {

    private static final Person PLAIN = new Person("customer 1", Set.of());
    private static final Person STUDENT = new Person("customer 2", Set.of(CircumstanceFact.STUDENT));
    private static final Person SMI = new Person("customer 3", Set.of(CircumstanceFact.SEVERELY_MENTALLY_IMPAIRED));
    private static final Person CARER = new Person("customer 4", Set.of(CircumstanceFact.CARER));

    @Test
    void aSoleAdultWithoutADiscountIsPromptedAndNotWithOneOrAnExemption() {
        assertThat(codes(home(null, List.of(PLAIN), Set.of(), Discount.NONE, null))).containsExactly(Code.SINGLE_PERSON_DISCOUNT);
        assertThat(codes(home(null, List.of(PLAIN), Set.of(), Discount.SINGLE_PERSON, null))).isEmpty();
        assertThat(codes(home(null, List.of(PLAIN), Set.of(), Discount.NONE, "N"))).isEmpty();
        assertThat(codes(home(3, List.of(PLAIN), Set.of(), Discount.NONE, null))).isEmpty();
    }

    @Test
    void disregardsCountAgainstTheAdultsAndAHomeOfStudentsOrImpairedPeopleMayBeExempt() {
        // student + SMI, nobody else: exempt (Class U) would beat the single person discount the bill gives
        assertThat(codes(home(null, List.of(STUDENT, SMI), Set.of(), Discount.SINGLE_PERSON, null)))
                .containsExactly(Code.STUDENT_EXEMPTION, Code.SEVERELY_MENTALLY_IMPAIRED);
        // a carer alone is disregarded but cannot make the home exempt: 50% beats 25%, and 50% is all there is
        assertThat(codes(home(null, List.of(CARER), Set.of(), Discount.SINGLE_PERSON, null))).containsExactly(Code.CARER_DISREGARD);
        assertThat(codes(home(null, List.of(CARER), Set.of(), Discount.ALL_RESIDENTS_DISREGARDED, null))).isEmpty();
        // three adults, one disregarded: two still counted, nothing to gain
        assertThat(codes(home(null, List.of(PLAIN, PLAIN, STUDENT), Set.of(), Discount.NONE, null))).isEmpty();
        // a student noted on the household with no count of adults is an extra adult: the liable person still counts alone
        assertThat(codes(home(null, List.of(PLAIN), Set.of(CircumstanceFact.STUDENT), Discount.SINGLE_PERSON, null))).isEmpty();
    }

    @Test
    void theReductionsNeedTheirFactAndNoAwardAlready() {
        Person adapted = new Person("customer 5", Set.of(CircumstanceFact.DISABLED_ADAPTATION));
        Person onBenefit = new Person("customer 6", Set.of(CircumstanceFact.INCOME_RELATED_BENEFIT));
        assertThat(codes(home(null, List.of(adapted, PLAIN), Set.of(), Discount.NONE, null))).containsExactly(Code.DISABLED_BAND_REDUCTION);
        assertThat(codes(home(null, List.of(adapted, PLAIN), Set.of(), Discount.NONE, "N"))).isEmpty();
        assertThat(codes(home(null, List.of(onBenefit, PLAIN), Set.of(), Discount.NONE, null))).containsExactly(Code.COUNCIL_TAX_REDUCTION);
        CouncilTaxHome awarded = new CouncilTaxHome(null, List.of(onBenefit, PLAIN), Set.of(), null, Discount.NONE, null, false,
                Money.ofPence(1), false, null, "bill 1");
        assertThat(EntitlementRules.councilTax(awarded)).isEmpty();
    }

    @Test
    void smallBusinessRateReliefStopsAtTheTopOfTheBandAndForCharitiesAndEmptyProperty() {
        Money top = Money.ofPounds(15_000);
        assertThat(rates(Money.ofPounds(14_999), top, false, false, false)).hasSize(1);
        assertThat(rates(Money.ofPounds(15_000), top, false, false, false)).isEmpty();
        assertThat(rates(Money.ofPounds(9_000), top, true, false, false)).isEmpty();
        assertThat(rates(Money.ofPounds(9_000), top, false, true, false)).isEmpty();
        assertThat(rates(Money.ofPounds(9_000), top, false, false, true)).isEmpty();
        assertThat(rates(Money.ofPounds(9_000), null, false, false, false)).isEmpty();
    }

    private static List<EntitlementPrompt> rates(Money value, @Nullable Money top, boolean hasSbrr, boolean charity, boolean empty) {
        return EntitlementRules.businessRates(new EntitlementRules.Hereditament(value, FinancialYear.of(2026), top, hasSbrr, charity, empty,
                true, "bill 1"));
    }

    private static CouncilTaxHome home(@Nullable Integer adults, List<Person> people, Set<CircumstanceFact> noted, Discount discount,
                                       @Nullable String exemption) {
        return new CouncilTaxHome(adults, people, noted, null, discount, exemption, false, Money.ZERO, false, null, "bill 1");
    }

    private static List<Code> codes(CouncilTaxHome home) {
        return EntitlementRules.councilTax(home).stream().map(EntitlementPrompt::code).toList();
    }
}
