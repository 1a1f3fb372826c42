package org.reclaim.officer.actions;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.reclaim.officer.FormErrors;

/** The value of a radio or select as the module's enum, and the small helpers the action forms share. */
final class Choice {

    private Choice() {
    }

    /** The chosen constant, or null with {@code message} against {@code field} when none (or an unknown one) was chosen. */
    static <E extends Enum<E>> @Nullable E of(Class<E> type, @Nullable String value, String field, String message, FormErrors errors) {
        if (value != null && !value.isBlank()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value)) {
                    return e;
                }
            }
        }
        errors.add(field, message);
        return null;
    }

    /** BREATHING_SPACE_STANDARD as "breathing space standard". */
    static String words(Enum<?> e) {
        return e.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    /** The form's idempotency key as sent back; a form posted without one is simply not protected against a repeat. */
    static @Nullable String key(@Nullable String key) {
        return key == null || key.isBlank() || key.length() > 100 ? null : key;
    }
}
