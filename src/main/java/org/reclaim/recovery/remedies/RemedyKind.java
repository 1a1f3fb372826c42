package org.reclaim.recovery.remedies;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.reclaim.shared.InvalidInput;

/**
 * The remedies after a liability order, in the order of their cost to the customer: the attachments carry no fee, an
 * enforcement agent's compliance fee is the customer's from the moment the case is referred (SI 2014/1), a charging
 * order or a bankruptcy petition brings court costs, and committal is a last resort (SI 1992/613 reg 47). The names are
 * the recovery stage codes the action is recorded under.
 */
public enum RemedyKind {
    ATTACHMENT_OF_EARNINGS("an attachment of earnings order", false),
    ATTACHMENT_OF_BENEFIT("an attachment of benefit (deductions from DWP benefit)", false),
    ATTACHMENT_OF_ALLOWANCES("an attachment of a councillor's allowances", false),
    ENFORCEMENT_AGENT("an enforcement agent referral", false),
    CHARGING_ORDER("a charging order", true),
    BANKRUPTCY("a bankruptcy or winding-up petition", true),
    COMMITTAL("committal to prison", true);

    private final String words;
    private final boolean teamLeaderOnly;

    RemedyKind(String words, boolean teamLeaderOnly) {
        this.words = words;
        this.teamLeaderOnly = teamLeaderOnly;
    }

    /** "an attachment of earnings order", for the reasons given to officers. */
    public String words() {
        return words;
    }

    /** Whether only a team leader may confirm it, whoever the debtor (a court application or committal). */
    public boolean teamLeaderOnly() {
        return teamLeaderOnly;
    }

    static RemedyKind fromRequest(String text, String field) {
        try {
            return valueOf(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "'" + text + "' is not a remedy; one of "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
