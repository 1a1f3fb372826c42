package org.reclaim.officer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.InvalidInput;
import org.springframework.validation.BindingResult;

/**
 * The errors of a submitted form, in the order of the form, for the GOV.UK error summary (each links to its field
 * by id) and the message above each field. Field names are the form's own input names and ids.
 */
public final class FormErrors {

    public record Error(String field, String message) {
        public String href() {
            return "#" + field;
        }
    }

    private final Map<String, String> byField = new LinkedHashMap<>();

    public static FormErrors none() {
        return new FormErrors();
    }

    /**
     * From a facade's refusal. {@code fieldNames} maps the facade's field names to the form's where they differ; a
     * field the form does not have is shown against {@code fallbackField}.
     */
    public static FormErrors of(InvalidInput e, Map<String, String> fieldNames, String fallbackField) {
        FormErrors errors = new FormErrors();
        for (InvalidInput.FieldError error : e.errors()) {
            String field = fieldNames.getOrDefault(error.field(), error.field());
            errors.add(field == null || field.isBlank() ? fallbackField : field, error.message());
        }
        return errors;
    }

    /** From binding the form (a number that is not a number, a date that is not a date). */
    public static FormErrors of(BindingResult binding) {
        FormErrors errors = new FormErrors();
        binding.getFieldErrors().forEach(e -> errors.add(e.getField(),
                e.isBindingFailure() ? "Enter a valid " + humanName(e.getField()) : String.valueOf(e.getDefaultMessage())));
        return errors;
    }

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    public FormErrors requireText(String field, @Nullable String value, String message) {
        if (value == null || value.isBlank()) {
            add(field, message);
        }
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    @Nullable
    public String message(String field) {
        return byField.get(field);
    }

    public List<Error> all() {
        List<Error> all = new ArrayList<>();
        byField.forEach((f, m) -> all.add(new Error(f, m)));
        return all;
    }

    private static String humanName(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }
}
