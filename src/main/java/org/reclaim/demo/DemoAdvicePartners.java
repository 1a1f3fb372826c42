package org.reclaim.demo;

import java.util.ArrayList;
import java.util.List;
import org.reclaim.support.AdvicePartner;
import org.reclaim.support.AdvicePartner.Kind;

/**
 * The advice partners each demo council starts with: the partners its source document names, and national free debt
 * advice and digital skills services. Names and public web addresses only; no telephone number is given that was not
 * published by the council itself.
 */
final class DemoAdvicePartners {

    private DemoAdvicePartners() {
    }

    /** Free national services any council can signpost to (their own public sites). */
    private static final List<AdvicePartner.Details> NATIONAL = List.of(
            new AdvicePartner.Details("MoneyHelper", Kind.DEBT_ADVICE, null, "https://www.moneyhelper.org.uk",
                    "Free money and debt guidance backed by the government (Money and Pensions Service); finds free debt advice near the customer", true),
            new AdvicePartner.Details("StepChange Debt Charity", Kind.DEBT_ADVICE, null, "https://www.stepchange.org",
                    "Free debt advice and debt solutions, online or by phone", true),
            new AdvicePartner.Details("National Debtline", Kind.DEBT_ADVICE, null, "https://www.nationaldebtline.org",
                    "Free, independent debt advice", true),
            new AdvicePartner.Details("Citizens Advice", Kind.WELFARE_RIGHTS, null, "https://www.citizensadvice.org.uk",
                    "Benefits, debt and housing advice; with the LGA, author of the Council Tax Protocol", true),
            new AdvicePartner.Details("Learn My Way (Good Things Foundation)", Kind.DIGITAL_INCLUSION, null, "https://www.learnmyway.com",
                    "Free online courses in basic digital skills, e.g. managing money and using council services online", true));

    static List<AdvicePartner.Details> of(DemoCouncil council) {
        List<AdvicePartner.Details> partners = new ArrayList<>();
        if (council == DemoCouncil.OADBY_AND_WIGSTON) {
            // "We work in partnership with Helping Hands who provide drop in services for our customers" (Recovery Team's
            // Customer Service Standards, seeds/000)
            partners.add(new AdvicePartner.Details("Helping Hands", Kind.DROP_IN, null, null,
                    "Drop-in services for the Recovery Team's customers (the council's Customer Service Standards)", true));
        } else if (council == DemoCouncil.WIGAN) {
            // "signpost customers to ... debt advice and Welfare Rights and Welfare Support within the Council" (job specification, seeds/002)
            partners.add(new AdvicePartner.Details("Wigan Council Welfare Rights and Welfare Support", Kind.WELFARE_RIGHTS, null, null,
                    "The council's own welfare rights and welfare support service (Collections and Recovery job specification)", true));
        }
        partners.addAll(NATIONAL);
        return partners;
    }
}
