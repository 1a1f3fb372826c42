package org.reclaim.arrangements;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.BusinessCalendar;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads income and expenditure forms. Each form starts the service standard's 10-day clock
 * ({@link #respondBy}); forms with no arrangement yet make the worklist, least time left first.
 */
@Service
class IncomeExpenditureForms {

    /**
     * The source document's standard: "Where more information has been provided (Income and Expenditure form) — Set up
     * a reasonable payment arrangement based on the information provided — Within 10 days" (seeds/000, Our Standards).
     * It says days, not working days, so the clock runs 10 calendar days from the day the form is received; an
     * arrangement can only be set up on a day the office works, so when the 10th day is a weekend or bank holiday the
     * clock ends on the working day before it (England and Wales bank holidays, BusinessCalendar).
     */
    static final int RESPOND_WITHIN_DAYS = 10;
    /** A technical bound on one line (pence): more is a typing error, not an income. */
    static final long MOST_PENCE = 100_000_000L;

    record Line(SfsCategory category, String item, Money amount, LineFrequency frequency, Money monthly) {
    }

    record Form(long id, int authorityId, long partyId, LocalDate receivedOn, Channel channel, int adults, int children, LocalDate respondBy,
                @Nullable Integer guidelineVersion, OffsetDateTime recordedAt, String recordedBy, List<Line> lines) {

        Money total(SfsCategory category) {
            return lines.stream().filter(l -> l.category() == category).map(Line::monthly).reduce(Money.ZERO, Money::plus);
        }

        Affordability.Totals totals() {
            return new Affordability.Totals(total(SfsCategory.INCOME), total(SfsCategory.FIXED_COSTS), total(SfsCategory.FLEXIBLE_COSTS),
                    total(SfsCategory.PRIORITY_DEBTS), total(SfsCategory.OTHER_DEBTS));
        }
    }

    record NewLine(@Nullable String category, @Nullable String item, @Nullable Long pence, @Nullable String frequency) {
    }

    record NewForm(@Nullable LocalDate receivedOn, @Nullable String channel, int adults, int children, List<NewLine> lines) {
    }

    record Recorded(Form form, boolean repeated) {
    }

    /** A form on the worklist: {@code daysLeft} to its {@code respondBy} (negative when overdue). */
    record Waiting(Form form, long daysLeft, @Nullable Long arrangementId) {
    }

    private final JdbcClient jdbc;
    private final Parties parties;
    private final SpendingGuidelines guidelines;
    private final BusinessCalendar calendar;
    private final AccessAudit audit;
    private final Clock clock;

    IncomeExpenditureForms(JdbcClient jdbc, Parties parties, SpendingGuidelines guidelines, BusinessCalendar calendar, AccessAudit audit,
                           Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.guidelines = guidelines;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate respondBy(LocalDate receivedOn) {
        return calendar.onOrPreviousWorkingDay(receivedOn.plusDays(RESPOND_WITHIN_DAYS));
    }

    /** Records a form; with an idempotency key, a repeat returns the first form and records nothing. */
    @Transactional
    Recorded record(long partyId, NewForm in, @Nullable String idempotencyKey) {
        Party party = parties.find(partyId).orElseThrow(() -> NotFound.of("customer", partyId));
        if (idempotencyKey != null) {
            Optional<Form> first = byKey(party.authorityId(), idempotencyKey);
            if (first.isPresent()) {
                return new Recorded(first.get(), true);
            }
        }
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate respondBy = null;
        if (in.receivedOn() == null) {
            errors.add(new InvalidInput.FieldError("receivedOn", "is required: the day the form reached the council"));
        } else if (in.receivedOn().isAfter(today)) {
            errors.add(new InvalidInput.FieldError("receivedOn", "is after today (" + today + ")"));
        } else {
            try {
                respondBy = respondBy(in.receivedOn());
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("receivedOn", "is outside the years the bank holiday calendar covers"));
            }
        }
        Channel channel = parse(Channel.class, in.channel(), "channel", errors);
        if (in.adults() < 1 || in.adults() > 20) {
            errors.add(new InvalidInput.FieldError("household.adults", "must be 1 to 20"));
        }
        if (in.children() < 0 || in.children() > 20) {
            errors.add(new InvalidInput.FieldError("household.children", "must be 0 to 20"));
        }
        List<Line> lines = lines(in.lines(), errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        Integer version = guidelines.inForce(party.authorityId(), in.receivedOn()).map(SpendingGuidelines.Version::version).orElse(null);
        long id;
        try {
            id = jdbc.sql("""
                    insert into income_expenditure (authority_id, party_id, received_on, channel, adults, children, respond_by, guideline_version,
                                                    recorded_at, recorded_by, idempotency_key)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(party.authorityId(), partyId, in.receivedOn(), channel.name(), in.adults(), in.children(), respondBy, version,
                            OffsetDateTime.now(clock), AccessAudit.currentUser(), idempotencyKey)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw org.reclaim.shared.Conflict.because("a form with this Idempotency-Key is being recorded; send it again for the first answer");
        }
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            jdbc.sql("""
                    insert into income_expenditure_line (authority_id, form_id, position, category, item, amount_pence, frequency, monthly_pence)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(party.authorityId(), id, i + 1, l.category().name(), l.item(), l.amount().pence(), l.frequency().name(),
                            l.monthly().pence())
                    .update();
        }
        audit.record(party.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.PARTY, partyId,
                "income and expenditure form " + id + " recorded");
        return new Recorded(read(party.authorityId(), id).orElseThrow(), false);
    }

    private static List<Line> lines(@Nullable List<NewLine> in, List<InvalidInput.FieldError> errors) {
        List<Line> lines = new ArrayList<>();
        if (in == null || in.isEmpty()) {
            errors.add(new InvalidInput.FieldError("lines", "are required: the form's income and spending"));
            return lines;
        }
        for (int i = 0; i < in.size(); i++) {
            NewLine l = in.get(i);
            String at = "lines[" + i + "]";
            SfsCategory category = parse(SfsCategory.class, l.category(), at + ".category", errors);
            LineFrequency frequency = parse(LineFrequency.class, l.frequency(), at + ".frequency", errors);
            if (l.item() == null || l.item().isBlank() || l.item().trim().length() > 100) {
                errors.add(new InvalidInput.FieldError(at + ".item", "is required, up to 100 characters (e.g. wages, rent, food and housekeeping)"));
            }
            if (l.pence() == null || l.pence() < 0) {
                errors.add(new InvalidInput.FieldError(at + ".pence", "is required and must not be negative"));
            } else if (l.pence() > MOST_PENCE) {
                errors.add(new InvalidInput.FieldError(at + ".pence", "is over £1,000,000: check the amount is in pence"));
            }
            if (category != null && frequency != null && l.item() != null && !l.item().isBlank() && l.pence() != null && l.pence() >= 0
                    && l.pence() <= MOST_PENCE) {
                Money amount = Money.ofPence(l.pence());
                lines.add(new Line(category, l.item().trim(), amount, frequency, frequency.toMonthly(amount)));
            }
        }
        if (lines.stream().noneMatch(l -> l.category() == SfsCategory.INCOME) && errors.isEmpty()) {
            // the Standard Financial Statement starts from income: a form without it cannot show what is affordable
            errors.add(new InvalidInput.FieldError("lines", "need at least one INCOME line (enter 0 pence if there is no income)"));
        }
        return lines;
    }

    static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value, String field, List<InvalidInput.FieldError> errors) {
        try {
            if (value != null) {
                return Enum.valueOf(type, value);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new InvalidInput.FieldError(field, (value == null ? "is required" : "'" + value + "' is not allowed") + "; one of "
                + java.util.Arrays.toString(type.getEnumConstants())));
        return null;
    }

    /** The form, with a READ line in the access audit. */
    Form get(long id) {
        Integer authorityId = jdbc.sql("select authority_id from income_expenditure where id = ?").param(id).query(Integer.class).optional()
                .orElseThrow(() -> NotFound.of("income and expenditure form", id));
        Form form = read(authorityId, id).orElseThrow();
        audit.record(authorityId, AccessAudit.Action.READ, AccessAudit.Subject.PARTY, form.partyId(), "income and expenditure form " + id);
        return form;
    }

    List<Form> ofParty(long partyId) {
        Party party = parties.find(partyId).orElseThrow(() -> NotFound.of("customer", partyId));
        List<Form> forms = jdbc.sql(SELECT + " where f.authority_id = ? and f.party_id = ? order by f.received_on desc, f.id desc")
                .params(party.authorityId(), partyId).query(IncomeExpenditureForms::map).list().stream().map(this::withLines).toList();
        audit.record(party.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.PARTY, partyId, "income and expenditure forms");
        return forms;
    }

    /** The authority's forms, least time left first; {@code open}: only those with no arrangement yet. */
    List<Waiting> worklist(int authorityId, boolean open, LocalDate asOf) {
        List<Waiting> waiting = jdbc.sql("""
                select * from (
                    select f.*, (select min(a.id) from arrangement a where a.authority_id = f.authority_id and a.income_expenditure_id = f.id)
                           as arrangement_id
                    from income_expenditure f where f.authority_id = ?) w
                where not ? or arrangement_id is null
                order by respond_by, id""")
                .params(authorityId, open)
                .query((rs, n) -> {
                    Form form = map(rs, n);
                    return new Waiting(form, daysLeft(form, asOf), (Long) rs.getObject("arrangement_id"));
                })
                .list().stream().map(w -> new Waiting(withLines(w.form()), w.daysLeft(), w.arrangementId())).toList();
        audit.recordAll(AccessAudit.Action.READ, waiting.stream()
                .map(w -> new AccessAudit.Seen(authorityId, AccessAudit.Subject.PARTY, String.valueOf(w.form().partyId()))).toList(),
                "income and expenditure worklist");
        return waiting;
    }

    Optional<Form> read(int authorityId, long id) {
        return jdbc.sql(SELECT + " where f.authority_id = ? and f.id = ?").params(authorityId, id).query(IncomeExpenditureForms::map)
                .optional().map(this::withLines);
    }

    private Optional<Form> byKey(int authorityId, String key) {
        return jdbc.sql(SELECT + " where f.authority_id = ? and f.idempotency_key = ?").params(authorityId, key)
                .query(IncomeExpenditureForms::map).optional().map(this::withLines);
    }

    private Form withLines(Form f) {
        List<Line> lines = jdbc.sql("""
                select category, item, amount_pence, frequency, monthly_pence from income_expenditure_line
                where authority_id = ? and form_id = ? order by position""")
                .params(f.authorityId(), f.id())
                .query((rs, n) -> new Line(SfsCategory.valueOf(rs.getString(1)), rs.getString(2), Money.ofPence(rs.getLong(3)),
                        LineFrequency.valueOf(rs.getString(4)), Money.ofPence(rs.getLong(5))))
                .list();
        return new Form(f.id(), f.authorityId(), f.partyId(), f.receivedOn(), f.channel(), f.adults(), f.children(), f.respondBy(),
                f.guidelineVersion(), f.recordedAt(), f.recordedBy(), lines);
    }

    private static final String SELECT = """
            select f.id, f.authority_id, f.party_id, f.received_on, f.channel, f.adults, f.children, f.respond_by, f.guideline_version,
                   f.recorded_at, f.recorded_by
            from income_expenditure f""";

    private static Form map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Form(rs.getLong("id"), rs.getInt("authority_id"), rs.getLong("party_id"), rs.getObject("received_on", LocalDate.class),
                Channel.valueOf(rs.getString("channel")), rs.getInt("adults"), rs.getInt("children"), rs.getObject("respond_by", LocalDate.class),
                (Integer) rs.getObject("guideline_version"), rs.getObject("recorded_at", OffsetDateTime.class), rs.getString("recorded_by"),
                List.of());
    }

    static long daysLeft(Form form, LocalDate asOf) {
        return ChronoUnit.DAYS.between(asOf, form.respondBy());
    }
}
