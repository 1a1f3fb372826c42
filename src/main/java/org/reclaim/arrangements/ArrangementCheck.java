package org.reclaim.arrangements;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.Money;

/**
 * The daily check of one arrangement: the payments received since it was made against its schedule. A payment counts
 * as missed once its grace days have passed with the schedule up to it not paid. The first miss asks for a reminder;
 * a second miss, or the first not made good within the authority's make-good days, breaks the arrangement. Pure.
 */
final class ArrangementCheck {

    /** One scheduled payment (all accounts together). */
    record Due(LocalDate dueOn, Money amount) {
    }

    /** A miss already recorded, with the day the monitor found it. */
    record Miss(LocalDate dueOn, LocalDate noticedOn) {
    }

    sealed interface Outcome permits Kept, Completed, Missed, Broken {
    }

    /** Nothing to do: up to date, or a recorded miss still within its make-good days. */
    record Kept(Money shortfall) implements Outcome {
    }

    record Completed() implements Outcome {
    }

    /** The first miss: remind. */
    record Missed(LocalDate dueOn, Money shortfall) implements Outcome {
    }

    record Broken(String reason, List<LocalDate> newMisses, Money shortfall) implements Outcome {
    }

    private ArrangementCheck() {
    }

    static Outcome check(List<Due> schedule, Money paid, List<Miss> recorded, LocalDate date, int graceDays, @Nullable Integer makeGoodDays) {
        long total = schedule.stream().mapToLong(d -> d.amount().pence()).sum();
        if (paid.pence() >= total) {
            return new Completed();
        }
        List<LocalDate> missed = new ArrayList<>();
        long dueSoFar = 0;
        long shortfall = 0;
        for (Due d : schedule) {
            dueSoFar += d.amount().pence();
            boolean graceOver = d.dueOn().plusDays(graceDays).isBefore(date);
            if (graceOver && dueSoFar > paid.pence()) {
                missed.add(d.dueOn());
                shortfall = dueSoFar - paid.pence();
            }
        }
        Money owing = Money.ofPence(shortfall);
        if (missed.isEmpty()) {
            return new Kept(Money.ZERO);
        }
        TreeSet<LocalDate> everMissed = new TreeSet<>(missed);
        recorded.forEach(m -> everMissed.add(m.dueOn()));
        List<LocalDate> newMisses = missed.stream().filter(d -> recorded.stream().noneMatch(m -> m.dueOn().equals(d))).toList();
        if (everMissed.size() >= 2) {
            return new Broken("a second payment missed: " + everMissed.first() + " and " + everMissed.higher(everMissed.first()), newMisses, owing);
        }
        if (newMisses.isEmpty() && makeGoodDays != null) {
            Miss first = recorded.stream().filter(m -> m.dueOn().equals(missed.get(0))).findFirst().orElseThrow();
            if (!date.isBefore(first.noticedOn().plusDays(makeGoodDays))) {
                return new Broken("the payment due " + first.dueOn() + " was not made good within " + makeGoodDays + " days of "
                        + first.noticedOn(), newMisses, owing);
            }
        }
        return newMisses.isEmpty() ? new Kept(owing) : new Missed(newMisses.get(0), owing);
    }
}
