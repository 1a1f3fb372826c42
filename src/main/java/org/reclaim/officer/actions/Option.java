package org.reclaim.officer.actions;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One radio or select option of an action form: the value posted, what the officer reads, and an optional hint. */
public record Option(String value, String label, @Nullable String hint) {

    /** Each constant, labelled in sentence case (SPOKE_TO_CUSTOMER: "Spoke to customer"). */
    static List<Option> of(Enum<?>... constants) {
        return Arrays.stream(constants).map(c -> new Option(c.name(), sentence(c), null)).toList();
    }

    private static String sentence(Enum<?> c) {
        String words = Choice.words(c);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
