package org.reclaim.support;

import java.util.Arrays;
import org.reclaim.shared.InvalidInput;

/** Names in requests turned into this module's types, with the field named when they are not one. */
final class Requests {

    private Requests() {
    }

    static CircumstanceFact circumstance(String name, String field) {
        return parse(CircumstanceFact.class, name, field);
    }

    static AdvicePartner.Kind partnerKind(String name, String field) {
        return parse(AdvicePartner.Kind.class, name, field);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String field) {
        try {
            return Enum.valueOf(type, name.trim());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "'" + name + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
