package org.reclaim.payments;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

class PaymentReceiptTest {

    private static PaymentReceipt of(long pence) {
        return new PaymentReceipt(1, "351000000014", Money.ofPence(pence), PaymentMethod.CARD, LocalDate.of(2026, 5, 1), null, "api", "k", null);
    }

    @Test
    void anAmountBeyondWhatTheLedgerTakesIsInvalidInputNotADatabaseError() {
        assertThatCode(() -> of(100_000_000_000L)).doesNotThrowAnyException();
        assertThatThrownBy(() -> of(100_000_000_001L)).isInstanceOf(InvalidInput.class).hasMessageContaining("amountPence");
        assertThatThrownBy(() -> of(0)).isInstanceOf(InvalidInput.class);
    }
}
