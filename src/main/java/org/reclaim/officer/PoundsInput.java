package org.reclaim.officer;

import java.math.BigDecimal;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.Money;

/** An amount as an officer types it ("12.50", "£1,200", "1200.5") read into whole pence, or nothing if it is not one. */
public final class PoundsInput {

    private PoundsInput() {
    }

    public static Optional<Money> parse(@Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        String cleaned = text.trim().replace("£", "").replace(",", "");
        if (!cleaned.matches("[0-9]{1,9}(\\.[0-9]{1,2})?")) {
            return Optional.empty();
        }
        return Optional.of(Money.ofPence(new BigDecimal(cleaned).movePointRight(2).longValueExact()));
    }
}
