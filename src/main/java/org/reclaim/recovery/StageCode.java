package org.reclaim.recovery;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.reclaim.shared.InvalidInput;

/**
 * The stages a recovery path may have, in the order the law puts them. The daily run drives the stages up to the
 * liability order; the remedies after it are stages too, proposed by the remedies work, so a path can already list them.
 */
public enum StageCode {
    REMINDER_1(Kind.REMINDER), REMINDER_2(Kind.REMINDER), FINAL_NOTICE(Kind.FINAL_NOTICE), SUMMONS(Kind.SUMMONS),
    LIABILITY_ORDER(Kind.LIABILITY_ORDER),
    ATTACHMENT_OF_EARNINGS(Kind.REMEDY), ATTACHMENT_OF_BENEFIT(Kind.REMEDY), ATTACHMENT_OF_ALLOWANCES(Kind.REMEDY),
    ENFORCEMENT_AGENT(Kind.REMEDY), CHARGING_ORDER(Kind.REMEDY), BANKRUPTCY(Kind.REMEDY), COMMITTAL(Kind.REMEDY);

    enum Kind { REMINDER, FINAL_NOTICE, SUMMONS, LIABILITY_ORDER, REMEDY }

    private final Kind kind;

    StageCode(Kind kind) {
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    boolean isReminder() {
        return kind == Kind.REMINDER;
    }

    /**
     * Costs are only those "reasonably incurred in obtaining the order" (SI 1992/613 reg 34(7); SI 1989/1058 reg 12):
     * a reminder or final notice carries none.
     */
    boolean mayCarryCosts() {
        return kind == Kind.SUMMONS || kind == Kind.LIABILITY_ORDER || kind == Kind.REMEDY;
    }

    static StageCode fromRequest(String code, String field) {
        try {
            return valueOf(code);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "'" + code + "' is not a recovery stage; stages are "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
