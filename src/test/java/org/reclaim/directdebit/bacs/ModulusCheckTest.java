package org.reclaim.directdebit.bacs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.NumericChars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reclaim.shared.InvalidInput;

class ModulusCheckTest {

    /*
     * The rows of the Vocalink/Pay.UK modulus weight table (valacdos.txt) for the sort codes of the specification's
     * test cases, and the substitution for 938600 from scsubtab.txt - quoted, not invented, from the copy of the
     * published files in the public repository glennsayers/uk-account-check (src/data/valacdos.txt and
     * src/data/scsub.txt, commit 1730ec959a796d93bacef0b50d2bc0fe52160e2b), which writes them comma-separated.
     * They are test data only: Reclaim ships no table (see ModulusWeightTable).
     */
    private static final String WEIGHTS = """
            070116,070116,MOD11,0,0,7,6,5,8,9,4,5,6,7,8,9,-1,12
            070116,070116,MOD10,0,3,2,4,5,8,9,4,5,6,7,8,9,-1,13
            074456,074456,MOD11,0,0,7,6,5,8,9,4,5,6,7,8,9,-1,12
            074456,074456,MOD10,0,3,2,4,5,8,9,4,5,6,7,8,9,-1,13
            086090,086090,MOD10,0,0,3,7,1,3,7,1,3,7,1,3,7,1,8
            089000,089999,MOD10,0,0,0,0,0,0,7,1,3,7,1,3,7,1
            102400,107999,MOD11,0,0,0,0,0,0,8,7,6,5,4,3,2,1
            110000,119280,DBLAL,0,0,2,1,2,1,2,1,2,1,2,1,2,1,1
            134012,134020,MOD11,0,0,0,7,5,9,8,4,6,3,5,2,0,0,4
            180002,180002,MOD11,0,0,0,0,0,0,8,7,6,5,4,3,2,1,14
            200901,201159,MOD11,0,0,0,0,0,0,0,7,6,5,4,3,2,1,6
            200901,201159,DBLAL,2,1,2,1,2,1,2,1,2,1,2,1,2,1,6
            202700,203239,MOD11,0,0,0,0,0,0,0,7,6,5,4,3,2,1,6
            202700,203239,DBLAL,2,1,2,1,2,1,2,1,2,1,2,1,2,1,6
            309001,309633,MOD11,0,0,3,2,9,8,5,7,6,5,4,3,2,1,2
            309001,309633,MOD11,0,0,3,2,9,8,1,7,6,5,4,3,2,1,9
            771900,772799,MOD11,0,0,1,2,5,3,6,4,8,7,10,9,3,1,7
            820000,826097,MOD11,0,0,0,0,0,0,0,0,7,3,4,9,2,1
            820000,826097,DBLAL,2,1,2,1,2,1,2,1,2,1,2,1,2,1,3
            826919,827999,MOD11,0,0,0,0,0,0,0,0,7,3,4,9,2,1
            826919,827999,DBLAL,2,1,2,1,2,1,2,1,2,1,2,1,2,1,3
            870000,872791,MOD11,0,0,1,2,5,3,6,4,8,7,10,9,3,1,10
            870000,872791,MOD11,0,0,5,10,9,8,0,7,6,5,4,3,2,1,11
            938000,938696,MOD11,7,6,5,4,3,2,7,6,5,4,3,2,0,0,5
            938000,938696,DBLAL,2,1,2,1,2,1,2,1,2,1,2,1,2,0,5
            """;
    private static final String SUBSTITUTIONS = "938600,938611\n938173,938017\n";

    private final ModulusCheck check = new ModulusCheck(ModulusWeightTable.parse(WEIGHTS, SUBSTITUTIONS));

    /*
     * The test cases of Vocalink's "Validating account numbers" specification (section "Expected results"): number,
     * description, sort code, account number and the expected valid flag, as the specification lists them.
     */
    @ParameterizedTest(name = "spec test case {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
             1 | Pass modulus 10 check                                                  | 089999 | 66374958 | VALID
             2 | Pass modulus 11 check                                                  | 107999 | 88837491 | VALID
             3 | Pass modulus 11 and double alternate checks                            | 202959 | 63748472 | VALID
             4 | Exception 10 & 11 where first check passes and second check fails      | 871427 | 46238510 | VALID
             5 | Exception 10 & 11 where first check fails and second check passes      | 872427 | 46238510 | VALID
             6 | Exception 10 where ab=09 and g=9; first check passes, second fails     | 871427 | 09123496 | VALID
             7 | Exception 10 where ab=99 and g=9; first check passes, second fails     | 871427 | 99123496 | VALID
             8 | Exception 3, start of a range; as c=6 the second check is ignored      | 820000 | 73688637 | VALID
             9 | Exception 3, end of a range; as c=9 the second check is ignored        | 827999 | 73988638 | VALID
            10 | Exception 3; as c<>6 or 9 perform both checks, which pass              | 827101 | 28748352 | VALID
            11 | Exception 4 where the remainder is equal to the checkdigit             | 134020 | 63849203 | VALID
            12 | Exception 1 - 27 added to the total; passes double alternate check     | 118765 | 64371389 | VALID
            13 | Exception 6 where the account fails the standard check but is foreign  | 200915 | 41011166 | VALID
            14 | Exception 5 where the check passes                                     | 938611 | 07806039 | VALID
            15 | Exception 5 where the check passes with substitution                   | 938600 | 42368003 | VALID
            16 | Exception 5 where both checks produce a remainder of 0 and pass        | 938063 | 55065200 | VALID
            17 | Exception 7 where passes but would fail the standard check             | 772798 | 99345694 | VALID
            18 | Exception 8 where the check passes                                     | 086090 | 06774744 | VALID
            19 | Exception 2 & 9 where the first check passes                           | 309070 | 02355688 | VALID
            20 | Exception 2 & 9; first check fails, second passes with substitution    | 309070 | 12345668 | VALID
            21 | Exception 2 & 9 where a<>0 and g<>9 and passes                         | 309070 | 12345677 | VALID
            22 | Exception 2 & 9 where a<>0 and g=9 and passes                          | 309070 | 99345694 | VALID
            23 | Exception 5 where the first checkdigit is correct and the second not   | 938063 | 15764273 | INVALID
            24 | Exception 5 where the first checkdigit is incorrect and the second is  | 938063 | 15764264 | INVALID
            25 | Exception 5 where the first checkdigit is incorrect, remainder of 1    | 938063 | 15763217 | INVALID
            26 | Exception 1 where it fails double alternate check                      | 118765 | 64371388 | INVALID
            27 | Pass modulus 11 check and fail double alternate check                  | 203099 | 66831036 | INVALID
            28 | Fail modulus 11 check and pass double alternate check                  | 203099 | 58716970 | INVALID
            29 | Fail modulus 10 check                                                  | 089999 | 66374959 | INVALID
            30 | Fail modulus 11 check                                                  | 107999 | 88837493 | INVALID
            31 | Exception 12/13 where passes modulus 11 check                          | 074456 | 12345112 | VALID
            32 | Exception 12/13 where passes modulus 11 check (mod 10 passes as well)  | 070116 | 34012583 | VALID
            33 | Exception 12/13 where fails modulus 11 check but passes modulus 10     | 074456 | 11104102 | VALID
            34 | Exception 14 where the first check fails and the second check passes   | 180002 | 00000190 | VALID
            """)
    void theSpecificationsTestCases(int number, String description, String sortCode, String account,
                                    ModulusResult expected) {
        assertThat(check.check(new BankAccount(sortCode, account))).as(description).isEqualTo(expected);
    }

    @Test
    void theWorkedExamplesAddUpAsTheSpecificationShows() {
        // Standard modulus 11 example, 107999 88837491 with weights 0 0 0 0 0 0 8 7 6 5 4 3 2 1:
        // 8x8 + 8x7 + 8x6 + 3x5 + 7x4 + 4x3 + 9x2 + 1x1 = 242 = 11 x 22, no remainder, so valid
        assertThat(8 * 8 + 8 * 7 + 8 * 6 + 3 * 5 + 7 * 4 + 4 * 3 + 9 * 2 + 1).isEqualTo(242).matches(t -> t % 11 == 0);
        assertThat(check.check(new BankAccount("107999", "88837491"))).isEqualTo(ModulusResult.VALID);
    }

    @Test
    void withoutATableNothingIsPassedOrFailed() {
        ModulusCheck none = new ModulusCheck(ModulusWeightTable.NONE);
        assertThat(none.check(new BankAccount("089999", "66374958"))).isEqualTo(ModulusResult.NOT_CHECKED);
        assertThat(none.check(new BankAccount("089999", "66374959"))).isEqualTo(ModulusResult.NOT_CHECKED);
    }

    @Test
    void aSortCodeTheTableDoesNotListIsNotChecked() {
        assertThat(check.check(new BankAccount("999999", "12345678"))).isEqualTo(ModulusResult.NOT_CHECKED);
    }

    @Test
    void loadsTheTablesFromFilesInThePublishedSpaceSeparatedLayout(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path weights = Files.writeString(dir.resolve("valacdos.txt"), WEIGHTS.replace(',', ' '));
        Path subs = Files.writeString(dir.resolve("scsubtab.txt"), SUBSTITUTIONS.replace(',', ' '));
        ModulusWeightTable table = ModulusWeightTable.load(weights, subs);
        assertThat(table.size()).isEqualTo(25);
        assertThat(new ModulusCheck(table).check(new BankAccount("938600", "42368003"))).isEqualTo(ModulusResult.VALID);
    }

    @Test
    void aMalformedTableLineIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> ModulusWeightTable.parse("089000 089999 MOD10 0 0 0\n", ""))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("line 1:");
        assertThatThrownBy(() -> ModulusWeightTable.parse(WEIGHTS + "089000 089999 MOD12 0 0 0 0 0 0 7 1 3 7 1 3 7 1\n", ""))
                .isInstanceOf(InvalidInput.class).hasMessageStartingWith("line 26:").hasMessageContaining("MOD12");
    }

    @Property
    void everySortCodeAndAccountGetsAnAnswerAndNeverAnError(@ForAll @NumericChars @StringLength(6) String sortCode,
                                                            @ForAll @NumericChars @StringLength(8) String account) {
        assertThat(check.check(new BankAccount(sortCode, account))).isNotNull();
    }
}
