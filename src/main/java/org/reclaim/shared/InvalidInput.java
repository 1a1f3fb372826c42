package org.reclaim.shared;

import java.util.List;

/**
 * Input that breaks a rule, with the field (or file line) at fault. The API answers it with a 400 problem+json
 * that names each field; nothing has been written when it is thrown.
 */
public final class InvalidInput extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    private InvalidInput(List<FieldError> errors) {
        super(errors.get(0).field() + ": " + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }

    public static InvalidInput of(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("an InvalidInput needs at least one error");
        }
        return new InvalidInput(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
