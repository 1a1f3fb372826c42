package org.reclaim.arrangements;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.Money;

/**
 * A form's flexible costs against the authority's spending guidelines for its household: each item above its
 * guideline is flagged for the officer to discuss, never refused. With no guidelines set, it says so and flags nothing.
 */
final class GuidelineCheck {

    enum Status { WITHIN, ABOVE, NO_GUIDELINE_SET }

    record Item(String item, Money monthly, @Nullable Money guideline, Status status) {
    }

    record Result(Status status, @Nullable Integer version, @Nullable LocalDate effectiveFrom, @Nullable String source, String message,
                  List<Item> items) {

        List<Item> flags() {
            return items.stream().filter(i -> i.status() == Status.ABOVE).toList();
        }
    }

    private GuidelineCheck() {
    }

    static Result assess(IncomeExpenditureForms.Form form, Optional<SpendingGuidelines.Version> guidelines) {
        Map<String, Money> flexible = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (IncomeExpenditureForms.Line l : form.lines()) {
            if (l.category() == SfsCategory.FLEXIBLE_COSTS) {
                flexible.merge(SpendingGuidelines.key(l.item()), l.monthly(), Money::plus);
                names.putIfAbsent(SpendingGuidelines.key(l.item()), l.item());
            }
        }
        if (guidelines.isEmpty()) {
            return new Result(Status.NO_GUIDELINE_SET, null, null, null, "no guideline set: the authority has entered no spending "
                    + "guidelines for " + form.receivedOn() + ", so no flexible cost is flagged", flexible.entrySet().stream()
                    .map(e -> new Item(names.get(e.getKey()), e.getValue(), null, Status.NO_GUIDELINE_SET)).toList());
        }
        SpendingGuidelines.Version v = guidelines.get();
        List<Item> items = flexible.entrySet().stream().map(e -> {
            Optional<SpendingGuidelines.Guideline> g = v.find(e.getKey(), form.adults(), form.children());
            Status s = g.isEmpty() ? Status.NO_GUIDELINE_SET : e.getValue().isGreaterThan(g.get().monthly()) ? Status.ABOVE : Status.WITHIN;
            return new Item(names.get(e.getKey()), e.getValue(), g.map(SpendingGuidelines.Guideline::monthly).orElse(null), s);
        }).toList();
        boolean above = items.stream().anyMatch(i -> i.status() == Status.ABOVE);
        return new Result(above ? Status.ABOVE : Status.WITHIN, v.version(), v.effectiveFrom(), v.source(), above
                ? "some flexible costs are above the spending guidelines: discuss them with the customer; they are not refused"
                : "flexible costs are within the spending guidelines set (items without a guideline for this household are marked)", items);
    }
}
