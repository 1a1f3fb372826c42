package org.reclaim.directdebit;

import java.nio.file.Path;
import org.reclaim.directdebit.bacs.ModulusCheck;
import org.reclaim.directdebit.bacs.ModulusWeightTable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The modulus check of bank details. Pay.UK publishes the weight table (valacdos.txt) and the substitution table
 * (scsubtab.txt) to those who register; Reclaim ships neither. Point {@code reclaim.direct-debit.modulus-table} (and
 * optionally {@code reclaim.direct-debit.modulus-substitutions}) at the files to check account numbers; without them
 * every account is NOT_CHECKED.
 */
@Configuration(proxyBeanMethods = false)
class DirectDebitConfig {

    @Bean
    ModulusCheck modulusCheck(@Value("${reclaim.direct-debit.modulus-table:}") String table,
                              @Value("${reclaim.direct-debit.modulus-substitutions:}") String substitutions) {
        if (table.isBlank()) {
            return new ModulusCheck(ModulusWeightTable.NONE);
        }
        return new ModulusCheck(ModulusWeightTable.load(Path.of(table), substitutions.isBlank() ? null : Path.of(substitutions)));
    }
}
