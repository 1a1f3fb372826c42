package org.reclaim.properties;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.Parish;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.reclaim.shared.Postcode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class Properties {

    private static final String SELECT = """
            select id, authority_id, uprn, kind, address_line_1, address_line_2, town, postcode, council_tax_band,
                   rateable_value_pence, rates_description, weekly_rent_pence, weekly_service_charge_pence, parish_id
            from property""";

    private final JdbcClient jdbc;
    private final AccessAudit audit;
    private final Clock clock;
    private final Authorities authorities;

    Properties(JdbcClient jdbc, AccessAudit audit, Clock clock, Authorities authorities) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.authorities = authorities;
    }

    @Transactional
    public Property create(int authorityId, NewProperty p) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (!Postcode.looksLikePostcode(p.postcode())) {
            errors.add(new InvalidInput.FieldError("postcode", "is not a UK postcode (for example LE18 2DR)"));
        }
        if (p.kind() == PropertyKind.NON_DOMESTIC && p.councilTaxBand() != null) {
            errors.add(new InvalidInput.FieldError("councilTaxBand", "is only for a dwelling"));
        }
        if (p.kind() == PropertyKind.DWELLING && p.rateableValuePence() != null) {
            errors.add(new InvalidInput.FieldError("rateableValuePence", "is only for a non-domestic property"));
        }
        if (jdbc.sql("select exists (select 1 from property where authority_id = ? and uprn = ?)")
                .params(authorityId, p.uprn()).query(Boolean.class).single()) {
            errors.add(new InvalidInput.FieldError("uprn", "this UPRN is already recorded for the authority"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        long id = jdbc.sql("""
                insert into property (authority_id, uprn, kind, address_line_1, address_line_2, town, postcode, council_tax_band,
                    rateable_value_pence, rates_description, weekly_rent_pence, weekly_service_charge_pence, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(authorityId, p.uprn(), p.kind().name(), p.addressLine1().trim(), p.addressLine2(), p.town().trim(),
                        Postcode.parse(p.postcode()).value(), p.councilTaxBand() == null ? null : p.councilTaxBand().name(),
                        p.rateableValuePence(), p.ratesDescription(), p.weeklyRentPence(), p.weeklyServiceChargePence(),
                        OffsetDateTime.now(clock))
                .query(Long.class).single();
        audit.record(authorityId, AccessAudit.Action.CHANGE, AccessAudit.Subject.PROPERTY, id, "created");
        return get(id);
    }

    /**
     * Puts the dwelling in the named parish area of its authority, or with null in the unparished area. Its bills from
     * then on include (or no longer include) the parish's precept; bills already issued are not changed.
     */
    @Transactional
    public Property moveToParish(long propertyId, @Nullable String parish) {
        Property property = get(propertyId);
        if (property.kind() != PropertyKind.DWELLING) {
            throw InvalidInput.of("parish", "only a dwelling pays a parish precept");
        }
        Parish area = parish == null ? null : authorities.parishNamed(property.authorityId(), parish, "parish");
        jdbc.sql("update property set parish_id = ? where authority_id = ? and id = ?")
                .params(area == null ? null : area.id(), property.authorityId(), propertyId).update();
        audit.record(property.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.PROPERTY, propertyId,
                area == null ? "unparished area" : "parish " + area.name());
        return get(propertyId);
    }

    /** A band and the day it takes effect from. */
    public record BandPeriod(LocalDate from, CouncilTaxBand band) {
    }

    /**
     * Records a band alteration from a date (which may be in the past). The band before the first alteration is kept
     * as the band since the start of Council Tax, so every earlier day still has its band.
     */
    @Transactional
    public Property changeBand(long propertyId, CouncilTaxBand band, LocalDate effectiveFrom) {
        Property property = get(propertyId);
        if (property.kind() != PropertyKind.DWELLING) {
            throw InvalidInput.of("band", "only a dwelling has a Council Tax band");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (property.councilTaxBand() != null && bandHistory(property).isEmpty()) {
            jdbc.sql("insert into council_tax_band_history (authority_id, property_id, effective_from, band, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)")
                    .params(property.authorityId(), propertyId, COUNCIL_TAX_BEGAN, property.councilTaxBand().name(), now, AccessAudit.currentUser()).update();
        }
        jdbc.sql("""
                insert into council_tax_band_history (authority_id, property_id, effective_from, band, recorded_at, recorded_by) values (?, ?, ?, ?, ?, ?)
                on conflict (authority_id, property_id, effective_from) do nothing""")
                .params(property.authorityId(), propertyId, effectiveFrom, band.name(), now, AccessAudit.currentUser()).update();
        LocalDate today = LocalDate.now(clock);
        CouncilTaxBand current = bandsBetween(property, today, today).get(0).band();
        jdbc.sql("update property set council_tax_band = ? where authority_id = ? and id = ?")
                .params(current.name(), property.authorityId(), propertyId).update();
        audit.record(property.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.PROPERTY, propertyId,
                "band " + band + " from " + effectiveFrom);
        return get(propertyId);
    }

    /** Council Tax began on 1 April 1993 (Local Government Finance Act 1992, s. 1). */
    static final LocalDate COUNCIL_TAX_BEGAN = LocalDate.of(1993, 4, 1);

    private List<BandPeriod> bandHistory(Property property) {
        return jdbc.sql("select effective_from, band from council_tax_band_history where authority_id = ? and property_id = ? order by effective_from")
                .params(property.authorityId(), property.id())
                .query((rs, n) -> new BandPeriod(rs.getObject(1, LocalDate.class), CouncilTaxBand.valueOf(rs.getString(2)))).list();
    }

    /** The bands of the dwelling from {@code from} to {@code to}: the first period starts on {@code from}. */
    public List<BandPeriod> bandsBetween(Property property, LocalDate from, LocalDate to) {
        List<BandPeriod> history = bandHistory(property);
        if (history.isEmpty()) {
            return property.councilTaxBand() == null ? List.of() : List.of(new BandPeriod(from, property.councilTaxBand()));
        }
        return inForce(history, BandPeriod::from, (b, day) -> new BandPeriod(day, b.band()), from, to);
    }

    /**
     * The entries of a dated history (in order of the day each takes effect) that are in force on some day from
     * {@code from} to {@code to}; an entry that took effect before {@code from} is restarted on it. If the history
     * begins after {@code from}, so does the answer.
     */
    private static <T> List<T> inForce(List<T> history, Function<T, LocalDate> startOf, BiFunction<T, LocalDate, T> restartedOn,
                                       LocalDate from, LocalDate to) {
        List<T> result = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            LocalDate start = startOf.apply(history.get(i));
            LocalDate end = i + 1 < history.size() ? startOf.apply(history.get(i + 1)).minusDays(1) : LocalDate.MAX;
            if (end.isBefore(from) || start.isAfter(to)) {
                continue;
            }
            result.add(start.isBefore(from) ? restartedOn.apply(history.get(i), from) : history.get(i));
        }
        return result;
    }

    /** A rateable value, the day it takes effect from, and the list or alteration it comes from. */
    public record RateableValuePeriod(LocalDate from, Money rateableValue, String source) {
    }

    /** What recording a rateable value alteration did: the property now, and whether anything new was recorded. */
    public record RateableValueChange(Property property, boolean recorded) {
    }

    /** The first local non-domestic rating lists were compiled on 1 April 1990 (Local Government Finance Act 1988, s. 41(2)). */
    public static final LocalDate RATING_LISTS_BEGAN = LocalDate.of(1990, 4, 1);

    /**
     * Records a rateable value alteration from a date (which may be in the past) and the list it comes from. The value
     * held before the first alteration is kept as the value since the rating lists began, so every earlier day still has
     * its value; {@code rateable_value_pence} stays the value in force today. The same alteration again (the value
     * and source already in force from that date) records nothing.
     */
    @Transactional
    public RateableValueChange changeRateableValue(long propertyId, Money rateableValue, LocalDate effectiveFrom, String source) {
        Property property = get(propertyId);
        LocalDate today = LocalDate.now(clock);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (property.kind() != PropertyKind.NON_DOMESTIC) {
            errors.add(new InvalidInput.FieldError("rateableValuePence", "only a non-domestic property has a rateable value"));
        }
        if (rateableValue.isNegative()) {
            errors.add(new InvalidInput.FieldError("rateableValuePence", "a rateable value cannot be negative"));
        }
        // an alteration may be billed up to the year after the one it is notified in, never further ahead
        LocalDate latest = FinancialYear.containing(today).next().end();
        if (effectiveFrom.isBefore(RATING_LISTS_BEGAN) || effectiveFrom.isAfter(latest)) {
            errors.add(new InvalidInput.FieldError("effectiveFrom", "must be from " + RATING_LISTS_BEGAN
                    + " (when the first rating lists were compiled) to " + latest));
        }
        if (source.isBlank() || source.length() > 200) {
            errors.add(new InvalidInput.FieldError("source", "must name the list or alteration the value comes from, in up to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        // one alteration of a hereditament at a time, so that a repeat sees the first
        jdbc.sql("select id from property where authority_id = ? and id = ? for update").params(property.authorityId(), propertyId)
                .query(Long.class).single();
        List<RateableValuePeriod> history = rateableValueHistory(property);
        RateableValuePeriod entry = new RateableValuePeriod(effectiveFrom, rateableValue, source.trim());
        if (history.contains(entry)) {
            return new RateableValueChange(property, false);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (property.rateableValuePence() != null && history.isEmpty()) {
            recordRateableValue(property, new RateableValuePeriod(RATING_LISTS_BEGAN, Money.ofPence(property.rateableValuePence()),
                    "held before the first recorded alteration"), now);
        }
        recordRateableValue(property, entry, now);
        List<RateableValuePeriod> todays = rateableValuesBetween(property, today, today);
        if (!todays.isEmpty() && !todays.get(0).from().isAfter(today)) {
            jdbc.sql("update property set rateable_value_pence = ? where authority_id = ? and id = ?")
                    .params(todays.get(0).rateableValue().pence(), property.authorityId(), propertyId).update();
        }
        audit.record(property.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.PROPERTY, propertyId,
                "rateable value " + rateableValue + " from " + effectiveFrom + " (" + entry.source() + ")");
        return new RateableValueChange(get(propertyId), true);
    }

    private void recordRateableValue(Property property, RateableValuePeriod entry, OffsetDateTime now) {
        jdbc.sql("""
                insert into rateable_value_history (authority_id, property_id, effective_from, rateable_value_pence, source, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(property.authorityId(), property.id(), entry.from(), entry.rateableValue().pence(), entry.source(), now,
                        AccessAudit.currentUser()).update();
    }

    /** The value in force from each effective date: of several entries for one date, the latest recorded. */
    private List<RateableValuePeriod> rateableValueHistory(Property property) {
        return jdbc.sql("""
                select distinct on (effective_from) effective_from, rateable_value_pence, source from rateable_value_history
                where authority_id = ? and property_id = ? order by effective_from, id desc""")
                .params(property.authorityId(), property.id())
                .query((rs, n) -> new RateableValuePeriod(rs.getObject(1, LocalDate.class), Money.ofPence(rs.getLong(2)), rs.getString(3)))
                .list();
    }

    /**
     * The rateable values of the hereditament from {@code from} to {@code to}, each with the day it applies from (the
     * first no earlier than {@code from}; later if the property had no value before its first recorded one), or
     * nothing if it has no rateable value.
     */
    public List<RateableValuePeriod> rateableValuesBetween(Property property, LocalDate from, LocalDate to) {
        List<RateableValuePeriod> history = rateableValueHistory(property);
        if (history.isEmpty()) {
            return property.rateableValuePence() == null ? List.of()
                    : List.of(new RateableValuePeriod(from, Money.ofPence(property.rateableValuePence()), "as recorded for the property"));
        }
        return inForce(history, RateableValuePeriod::from, (v, day) -> new RateableValuePeriod(day, v.rateableValue(), v.source()), from, to);
    }

    public Optional<Property> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(Properties::map).optional();
    }

    public Property get(long id) {
        return find(id).orElseThrow(() -> NotFound.of("property", id));
    }

    public List<Property> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where id = any(?)").param(ids.toArray(Long[]::new)).query(Properties::map).list();
    }

    private static Property map(ResultSet rs, int n) throws SQLException {
        String band = rs.getString("council_tax_band");
        return new Property(rs.getLong("id"), rs.getInt("authority_id"), rs.getLong("uprn"), PropertyKind.valueOf(rs.getString("kind")),
                rs.getString("address_line_1"), rs.getString("address_line_2"), rs.getString("town"), rs.getString("postcode"),
                band == null ? null : CouncilTaxBand.valueOf(band), (Long) rs.getObject("rateable_value_pence"),
                rs.getString("rates_description"), (Long) rs.getObject("weekly_rent_pence"),
                (Long) rs.getObject("weekly_service_charge_pence"), (Integer) rs.getObject("parish_id"));
    }
}
