package org.reclaim.officer.actions;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.reclaim.officer.FormErrors;
import org.reclaim.shared.InvalidInput;

/**
 * A module's refusal as the form's errors: each facade field shown against the form's field, its message made a
 * sentence that names the field ("is required: ..." becomes "Reason is required: ...").
 */
final class FacadeErrors {

    /** A facade's field name, the form's field id, and what the form calls it. */
    record Field(String facadeName, String id, String label) {
    }

    private FacadeErrors() {
    }

    static FormErrors of(InvalidInput e, String fallbackId, Field... fields) {
        FormErrors errors = FormErrors.none();
        for (InvalidInput.FieldError error : e.errors()) {
            Field field = null;
            for (Field f : fields) {
                if (f.facadeName().equals(error.field())) {
                    field = f;
                }
            }
            errors.add(field == null ? fallbackId : field.id(), sentence(field == null ? null : field.label(), error.message()));
        }
        return errors;
    }

    static String sentence(@Nullable String label, String message) {
        String m = message.strip();
        if (label != null && (m.startsWith("is ") || m.startsWith("must ") || m.startsWith("was "))) {
            return label + " " + m;
        }
        return m.isEmpty() ? m : m.substring(0, 1).toUpperCase(Locale.ROOT) + m.substring(1);
    }
}
