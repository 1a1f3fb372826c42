package org.reclaim.support;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.reclaim.billing.CouncilTaxCircumstances.Discount;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.reclaim.support.EntitlementPrompt.Code;

/**
 * The benefits maximisation rules: from what is known about a home and what its bill gives, the entitlements that may be
 * missing. Pure: {@link EntitlementPrompts} reads the data. A prompt is a question for the officer, not an award.
 */
final class EntitlementRules {

    /** A person known at the property (a liable party) and the circumstance facts in force for them. */
    record Person(String label, Set<CircumstanceFact> facts) {
    }

    /**
     * A Council Tax account as of a day.
     *
     * @param householdAdults adults the customer says live there, or null to count the liable people
     * @param people          the liable people, with their facts
     * @param noted           circumstances the customer noted for someone in the household
     * @param exemptionClass  the exemption in force, or null
     * @param ctrAward        the Council Tax Reduction award on the year's bill
     * @param ctrClaimPending a CTR_CLAIM_PENDING hold is in force
     * @param incomeBelow     the authority's income threshold for the Council Tax Reduction prompt, or null for none
     * @param bill            which bill and change the circumstances were read from, for the officer
     */
    record CouncilTaxHome(@Nullable Integer householdAdults, List<Person> people, Set<CircumstanceFact> noted,
                          @Nullable Money monthlyIncome, Discount discount, @Nullable String exemptionClass,
                          boolean disabledBandReduction, Money ctrAward, boolean ctrClaimPending, @Nullable Money incomeBelow,
                          String bill) {
    }

    /** A Business Rates hereditament as of a day, with the year's small business rate relief band (null if the year has no figures). */
    record Hereditament(Money rateableValue, FinancialYear year, @Nullable Money sbrrEndsAt, boolean hasSbrr, boolean charity,
                        boolean empty, boolean soleProperty, String bill) {
    }

    private EntitlementRules() {
    }

    static List<EntitlementPrompt> councilTax(CouncilTaxHome home) {
        List<EntitlementPrompt> prompts = new ArrayList<>();
        Household household = Household.of(home);
        boolean exempt = home.exemptionClass() != null;
        String billGives = exempt ? "the bill in force has exemption class " + home.exemptionClass()
                : home.discount() == Discount.NONE ? "the bill in force has no discount" : "the bill in force has " + label(home.discount());
        billGives += " (" + home.bill() + ")";

        if (household.adults() == 1 && !exempt && home.discount() == Discount.NONE) {
            prompts.add(new EntitlementPrompt(Code.SINGLE_PERSON_DISCOUNT, "Single person discount",
                    "one adult known at the property (" + household.adultsFrom() + "); " + billGives,
                    "Does anyone else aged 18 or over live there? If not, the discount applies from the day they became the only adult.",
                    "LGFA 1992 s. 11(1)(a) (single person discount 25%)"));
        }

        Level best = household.bestLevel();
        Level now = exempt ? Level.EXEMPT : Level.of(home.discount());
        if (best.compareTo(now) > 0) {
            String outcome = household.adults() + " adult(s) known (" + household.adultsFrom() + "), " + household.disregarded()
                    + " of them may be disregarded: the home may be " + best.described + "; " + billGives;
            for (CircumstanceFact fact : List.of(CircumstanceFact.STUDENT, CircumstanceFact.SEVERELY_MENTALLY_IMPAIRED, CircumstanceFact.CARER)) {
                String who = household.whoIs(fact, home);
                if (who != null) {
                    prompts.add(disregardPrompt(fact, who + "; " + outcome));
                }
            }
        }

        if (!exempt && !home.disabledBandReduction()) {
            String who = household.whoIs(CircumstanceFact.DISABLED_ADAPTATION, home);
            if (who != null) {
                prompts.add(new EntitlementPrompt(Code.DISABLED_BAND_REDUCTION, "Disabled band reduction",
                        who + "; the bill in force has no disabled band reduction (" + home.bill() + ")",
                        "Does the home have a room, an extra bathroom or kitchen, or extra space that a disabled resident needs "
                                + "(for example for a wheelchair)? If so, ask for evidence of the disability and the feature.",
                        "Council Tax (Reductions for Disabilities) Regulations 1992 (SI 1992/554) reg. 3 (charged as the band below; "
                                + "Band A: five-ninths of Band D)"));
            }
        }

        if (!exempt && !home.ctrAward().isPositive() && !home.ctrClaimPending()) {
            List<String> signs = new ArrayList<>();
            if (home.monthlyIncome() != null && home.incomeBelow() != null && home.monthlyIncome().compareTo(home.incomeBelow()) < 0) {
                signs.add("monthly income " + home.monthlyIncome() + " is below the authority's " + home.incomeBelow()
                        + " for this prompt");
            }
            String onBenefit = household.whoIs(CircumstanceFact.INCOME_RELATED_BENEFIT, home);
            if (onBenefit != null) {
                signs.add(onBenefit);
            }
            if (!signs.isEmpty()) {
                prompts.add(new EntitlementPrompt(Code.COUNCIL_TAX_REDUCTION, "Council Tax Reduction",
                        String.join("; ", signs) + "; the bill has no Council Tax Reduction and no claim is pending (" + home.bill() + ")",
                        "Has the customer claimed Council Tax Reduction? If not, help them claim now, and ask about the household's "
                                + "income, savings and benefits as the authority's scheme needs.",
                        "LGFA 1992 s. 13A(2) (the authority's Council Tax Reduction scheme); pension age: SI 2012/2885"));
            }
        }
        return prompts;
    }

    static List<EntitlementPrompt> businessRates(Hereditament h) {
        if (h.sbrrEndsAt() == null || h.rateableValue().compareTo(h.sbrrEndsAt()) >= 0 || h.hasSbrr() || h.charity() || h.empty()) {
            // no relief below the band's top; a charity has mandatory relief instead; an empty property has no occupied reliefs
            return List.of();
        }
        return List.of(new EntitlementPrompt(Code.SMALL_BUSINESS_RATE_RELIEF, "Small business rate relief",
                "rateable value " + h.rateableValue() + " is below " + h.sbrrEndsAt() + ", where small business rate relief ends in "
                        + h.year() + "; the bill has no small business rate relief"
                        + (h.soleProperty() ? "" : " and was worked out as not the ratepayer's only property") + " (" + h.bill() + ")",
                // the other-property limits: REFERENCE §2 (https://www.lbhf.gov.uk, small business rate relief)
                "Is this the business's only property? If it has others, is each of them below £2,900 rateable value and are they "
                        + "together under £20,000 (£28,000 in London)?",
                "LGFA 1988 s. 43(4B); Non-Domestic Rating (Small Business Rate Relief) (England) Order 2012 (SI 2012/148)"));
    }

    private static EntitlementPrompt disregardPrompt(CircumstanceFact fact, String why) {
        return switch (fact) {
            case STUDENT -> new EntitlementPrompt(Code.STUDENT_EXEMPTION, "Student exemption or disregard", why,
                    "Is the student on a full-time course? Ask for the certificate their college or university issues. If everyone "
                            + "living there is a student the home is exempt; otherwise the student is not counted for the discount.",
                    "LGFA 1992 Sch. 1 para 4 (students disregarded; SI 1992/548 art. 4); SI 1992/558 art. 3 Class N (occupied only by students)");
            case SEVERELY_MENTALLY_IMPAIRED -> new EntitlementPrompt(Code.SEVERELY_MENTALLY_IMPAIRED,
                    "Severely mentally impaired exemption or disregard", why,
                    "Is there a registered medical practitioner's certificate of severe mental impairment, and does the person get a "
                            + "qualifying benefit (for example Attendance Allowance or the care component of Disability Living Allowance)?",
                    "LGFA 1992 Sch. 1 para 2 (severely mentally impaired disregarded; qualifying benefits SI 1992/548 art. 3); "
                            + "SI 1992/558 art. 3 Class U (occupied only by the severely mentally impaired, or with students)");
            case CARER -> new EntitlementPrompt(Code.CARER_DISREGARD, "Carer disregard", why,
                    "Does the carer live with and care for someone there who is not their partner or their child under 18, and does "
                            + "that person get a qualifying disability benefit?",
                    "LGFA 1992 s. 11(5) and Sch. 1 (carers among the persons disregarded for discount)");
            default -> throw new IllegalArgumentException(fact + " does not disregard anyone");
        };
    }

    private static String label(Discount d) {
        return d == Discount.SINGLE_PERSON ? "a single person discount" : "the all-residents-disregarded discount";
    }

    /** How much a home's residents take off its Council Tax, least to most. */
    enum Level {
        NONE("charged in full"), SINGLE_PERSON("due a single person discount (25%)"),
        ALL_DISREGARDED("due the discount for a home whose residents are all disregarded (50%)"),
        EXEMPT("exempt (Class N or U)");

        final String described;

        Level(String described) {
            this.described = described;
        }

        static Level of(Discount d) {
            return switch (d) {
                case NONE -> NONE;
                case SINGLE_PERSON -> SINGLE_PERSON;
                case ALL_RESIDENTS_DISREGARDED -> ALL_DISREGARDED;
            };
        }
    }

    /**
     * The adults of a home and who may be disregarded. A circumstance noted on the household that no liable person has is
     * taken to be someone else's: with no count of adults from the customer, that someone is an extra adult.
     */
    private record Household(int adults, String adultsFrom, List<Set<CircumstanceFact>> disregardedPeople) {

        static Household of(CouncilTaxHome home) {
            List<Set<CircumstanceFact>> disregarded = new ArrayList<>();
            Set<CircumstanceFact> held = EnumSet.noneOf(CircumstanceFact.class);
            for (Person p : home.people()) {
                held.addAll(p.facts());
                Set<CircumstanceFact> reasons = disregarding(p.facts());
                if (!reasons.isEmpty()) {
                    disregarded.add(reasons);
                }
            }
            int others = 0;
            for (CircumstanceFact f : home.noted()) {
                if (f.disregards() && !held.contains(f)) {
                    disregarded.add(EnumSet.of(f));
                    others++;
                }
            }
            if (home.householdAdults() != null) {
                int adults = home.householdAdults();
                return new Household(adults, "the customer says " + adults + " adult(s) live there",
                        disregarded.subList(0, Math.min(disregarded.size(), adults)));
            }
            int adults = home.people().size() + others;
            return new Household(adults, home.people().size() + " liable person(s)" + (others > 0 ? " and " + others + " other(s) noted" : ""),
                    disregarded);
        }

        private static Set<CircumstanceFact> disregarding(Set<CircumstanceFact> facts) {
            Set<CircumstanceFact> s = EnumSet.noneOf(CircumstanceFact.class);
            facts.stream().filter(CircumstanceFact::disregards).forEach(s::add);
            return s;
        }

        int disregarded() {
            return disregardedPeople.size();
        }

        /** LGFA 1992 s. 11: counted adults 1 -> 25%; none counted -> 50%, or exempt if all are students / SMI (SI 1992/558 N, U). */
        Level bestLevel() {
            int counted = adults - disregarded();
            if (adults < 1 || counted >= 2) {
                return Level.NONE;
            }
            if (counted == 1) {
                return Level.SINGLE_PERSON;
            }
            boolean allCanExempt = disregardedPeople.stream().allMatch(s -> s.stream().anyMatch(CircumstanceFact::canExempt));
            return allCanExempt ? Level.EXEMPT : Level.ALL_DISREGARDED;
        }

        /** Who has the fact, for the officer: "customer 12 is a student", or "noted on the household: a student"; null if nobody. */
        @Nullable String whoIs(CircumstanceFact fact, CouncilTaxHome home) {
            List<String> who = home.people().stream().filter(p -> p.facts().contains(fact)).map(Person::label).toList();
            if (!who.isEmpty()) {
                return String.join(", ", who) + " recorded as " + fact.described;
            }
            return home.noted().contains(fact) ? "the customer notes someone in the household is " + fact.described : null;
        }
    }
}
