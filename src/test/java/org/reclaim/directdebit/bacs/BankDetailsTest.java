package org.reclaim.directdebit.bacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.reclaim.shared.InvalidInput;

class BankDetailsTest {

    @Test
    void sortCodesAreReadInTheThreeWaysPeopleWriteThem() {
        assertThat(BankAccount.parseSortCode("12-34-56")).isEqualTo("123456");
        assertThat(BankAccount.parseSortCode("12 34 56")).isEqualTo("123456");
        assertThat(BankAccount.parseSortCode(" 123456 ")).isEqualTo("123456");
        for (String bad : new String[] {"12345", "1234567", "12-3456", "12/34/56", "ab-cd-ef", "12-34 56", ""}) {
            assertThatThrownBy(() -> BankAccount.parseSortCode(bad)).isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).errors().get(0).field()).isEqualTo("sortCode"));
        }
    }

    @Test
    void shortAccountNumbersAreZeroFilledAndLongOnesRefused() {
        assertThat(BankAccount.parseAccountNumber("12345678")).isEqualTo("12345678");
        assertThat(BankAccount.parseAccountNumber("1234567")).isEqualTo("01234567");
        assertThat(BankAccount.parseAccountNumber("123456")).isEqualTo("00123456");
        assertThatThrownBy(() -> BankAccount.parseAccountNumber("123456789")).hasMessageContaining("depends on the bank");
        assertThatThrownBy(() -> BankAccount.parseAccountNumber("0123456789")).hasMessageContaining("depends on the bank");
        assertThatThrownBy(() -> BankAccount.parseAccountNumber("12345")).hasMessageContaining("8 digits");
        assertThatThrownBy(() -> BankAccount.parseAccountNumber("1234567X")).hasMessageContaining("digits only");
    }

    @Test
    void namesAreCutToTheBacsCharacterSetAndLength() {
        assertThat(BankDetails.bacsName("Zoë O'Neil-Smith")).isEqualTo("ZOE ONEIL-SMITH");
        assertThat(BankDetails.bacsName("Mr & Mrs J. Bloggs, (joint)")).isEqualTo("MR & MRS J. BLOGGS");
        assertThat(BankDetails.bacsName("Bartholomew Featherstonehaugh")).isEqualTo("BARTHOLOMEW FEATHE");
        assertThatThrownBy(() -> BankDetails.bacsName("!!!")).isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("accountName:");
        assertThatThrownBy(() -> new BankDetails(new BankAccount("123456", "12345678"), "lower case"))
                .isInstanceOf(InvalidInput.class);
    }

    @Property
    void anyTypedNameBecomesAValidBacsNameOrIsRefused(@ForAll String typed) {
        try {
            String name = BankDetails.bacsName(typed);
            assertThat(name).hasSizeBetween(1, 18);
            assertThat(BacsText.inCharacterSet(name)).isTrue();
        } catch (InvalidInput refused) {
            assertThat(refused.errors().get(0).field()).isEqualTo("accountName");
        }
    }
}
