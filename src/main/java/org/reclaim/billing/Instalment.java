package org.reclaim.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.reclaim.shared.Money;

/** One instalment of a plan: its number (1 is the first), the day it falls due and its amount. */
public record Instalment(int number, LocalDate dueOn, Money amount) {

    /** A plan's due dates as a PostgreSQL array literal, the form the bill row keeps them in. */
    static String dueDatesArray(List<Instalment> plan) {
        return plan.stream().map(i -> i.dueOn().toString()).collect(Collectors.joining(",", "{", "}"));
    }

    /** A plan's amounts in pence as a PostgreSQL array literal. */
    static String amountsArray(List<Instalment> plan) {
        return plan.stream().map(i -> Long.toString(i.amount().pence())).collect(Collectors.joining(",", "{", "}"));
    }
}
