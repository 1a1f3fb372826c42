package org.reclaim.directdebit.bacs;

import java.util.Arrays;
import java.util.Optional;

/** A reason code of a Bacs report (ARUDD, ADDACS, AUDDIS), with its meaning from REFERENCE.md section 8.3. */
public interface BacsReason {

    String code();

    String meaning();

    /** The reason of that code in the report's own list (codes are one character; case does not matter). */
    static <E extends Enum<E> & BacsReason> Optional<E> ofCode(Class<E> reasons, String code) {
        return Arrays.stream(reasons.getEnumConstants()).filter(r -> r.code().equalsIgnoreCase(code)).findFirst();
    }
}
