package org.reclaim.authorities;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The billing authorities of this installation, their precepting bodies and their yearly Council Tax. */
@Service
public class Authorities {

    private static final RowMapper<BillingAuthority> AUTHORITY = (rs, n) -> new BillingAuthority(rs.getInt("id"),
            rs.getString("gss_code"), rs.getString("name"), AuthorityKind.valueOf(rs.getString("kind")),
            rs.getInt("reference_prefix"));
    private static final String SELECT = "select id, gss_code, name, kind, reference_prefix from billing_authority ";

    private final JdbcClient jdbc;
    private final Clock clock;

    Authorities(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<BillingAuthority> all() {
        return jdbc.sql(SELECT + "order by name").query(AUTHORITY).list();
    }

    public Optional<BillingAuthority> findByGssCode(String gssCode) {
        return jdbc.sql(SELECT + "where gss_code = ?").param(gssCode.trim().toUpperCase(java.util.Locale.ROOT)).query(AUTHORITY).optional();
    }

    public BillingAuthority byGssCode(String gssCode) {
        return findByGssCode(gssCode).orElseThrow(() -> NotFound.of("billing authority with GSS code", gssCode));
    }

    /** The authority a request names in one of its fields; an unknown code is that field's error, not a missing page. */
    public BillingAuthority named(String gssCode, String field) {
        return findByGssCode(gssCode).orElseThrow(() -> InvalidInput.of(field, "there is no billing authority with GSS code " + gssCode));
    }

    public BillingAuthority byId(int id) {
        return jdbc.sql(SELECT + "where id = ?").param(id).query(AUTHORITY).optional()
                .orElseThrow(() -> NotFound.of("billing authority", id));
    }

    public Optional<BillingAuthority> findByReferencePrefix(int prefix) {
        return jdbc.sql(SELECT + "where reference_prefix = ?").param(prefix).query(AUTHORITY).optional();
    }

    @Transactional
    public BillingAuthority create(String gssCode, String name, AuthorityKind kind, int referencePrefix) {
        if (!gssCode.matches("[EW]\\d{8}")) {
            throw InvalidInput.of("gssCode", "must be an ONS GSS code such as E07000135");
        }
        if (referencePrefix < 10 || referencePrefix > 99) {
            throw InvalidInput.of("referencePrefix", "must be a two-digit number from 10 to 99");
        }
        int id = jdbc.sql("""
                insert into billing_authority (gss_code, name, kind, reference_prefix, created_at)
                values (?, ?, ?, ?, ?) returning id""")
                .params(gssCode, name, kind.name(), referencePrefix, OffsetDateTime.now(clock))
                .query(Integer.class).single();
        // an authority whose retained-rates shares are published (migration V27) starts with them
        jdbc.sql("""
                insert into business_rates_share (authority_id, financial_year, line_no, name, percent, source)
                select ?, financial_year, line_no, name, percent, source from business_rates_share_published where gss_code = ?""")
                .params(id, gssCode).update();
        return byId(id);
    }

    /** The instalment frequencies the authority offers besides the statutory monthly scheme. */
    public InstalmentOptions instalmentOptions(int authorityId) {
        return jdbc.sql("select weekly_instalments, fortnightly_instalments from billing_authority where id = ?").param(authorityId)
                .query((rs, n) -> new InstalmentOptions(rs.getBoolean(1), rs.getBoolean(2))).optional()
                .orElseThrow(() -> NotFound.of("billing authority", authorityId));
    }

    /**
     * Sets which frequencies the authority offers from now on. Plans already agreed are not changed: a bill keeps its
     * plan through rebills, and the annual billing run moves a withdrawn one to the statutory scheme.
     */
    @Transactional
    public InstalmentOptions setInstalmentOptions(int authorityId, InstalmentOptions options) {
        jdbc.sql("""
                update billing_authority set weekly_instalments = ?, fortnightly_instalments = ?, instalment_options_set_at = ?,
                                             instalment_options_set_by = ?
                where id = ?""")
                .params(options.weekly(), options.fortnightly(), OffsetDateTime.now(clock), AccessAudit.currentUser(),
                        authorityId)
                .update();
        return instalmentOptions(authorityId);
    }

    public List<PreceptingBody> preceptingBodies(int authorityId) {
        return jdbc.sql("select id, name, kind from precepting_body where authority_id = ? order by id")
                .param(authorityId)
                .query((rs, n) -> new PreceptingBody(rs.getInt("id"), rs.getString("name"), PreceptorKind.valueOf(rs.getString("kind"))))
                .list();
    }

    /** The body of that name, added if the authority does not have it yet. */
    @Transactional
    public PreceptingBody preceptingBody(int authorityId, String name, PreceptorKind kind) {
        jdbc.sql("insert into precepting_body (authority_id, name, kind) values (?, ?, ?) on conflict (authority_id, name) do nothing")
                .params(authorityId, name, kind.name()).update();
        return preceptingBodies(authorityId).stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    @Transactional
    public void setPrecept(int authorityId, FinancialYear year, PreceptingBody body, Money bandD, String source) {
        setPrecept(authorityId, year, body, bandD, source, null);
    }

    /** Sets a body's Band D amount for the year: across the authority, or only in the parish area given. */
    @Transactional
    public void setPrecept(int authorityId, FinancialYear year, PreceptingBody body, Money bandD, String source, @Nullable Parish parish) {
        if (bandD.isNegative()) {
            throw InvalidInput.of("bandDPence", "must not be negative");
        }
        jdbc.sql("""
                insert into council_tax_precept (authority_id, financial_year, precepting_body_id, band_d_pence, source, parish_id)
                values (?, ?, ?, ?, ?, ?)
                on conflict (authority_id, financial_year, precepting_body_id)
                do update set band_d_pence = excluded.band_d_pence, source = excluded.source, parish_id = excluded.parish_id""")
                .params(authorityId, year.startYear(), body.id(), bandD.pence(), source, parish == null ? null : parish.id())
                .update();
    }

    private static final RowMapper<Parish> PARISH = (rs, n) -> new Parish(rs.getInt("id"), rs.getString("name"));

    /** The authority's parish areas, by name. */
    public List<Parish> parishes(int authorityId) {
        return jdbc.sql("select id, name from parish where authority_id = ? order by name").param(authorityId).query(PARISH).list();
    }

    /** The parish area of that name (ignoring case and surrounding spaces), if the authority has it. */
    public Optional<Parish> findParish(int authorityId, String name) {
        return jdbc.sql("select id, name from parish where authority_id = ? and lower(name) = lower(?)")
                .params(authorityId, name.trim()).query(PARISH).optional();
    }

    public Optional<Parish> findParish(int authorityId, int parishId) {
        return jdbc.sql("select id, name from parish where authority_id = ? and id = ?").params(authorityId, parishId).query(PARISH).optional();
    }

    /** The parish area a request names in one of its fields; an unknown name is that field's error. */
    public Parish parishNamed(int authorityId, String name, String field) {
        return findParish(authorityId, name).orElseThrow(() -> InvalidInput.of(field, "there is no parish area named '" + name.trim()
                + "' in " + byId(authorityId).name() + ": an administrator adds one by setting a precept for it"));
    }

    /** The parish area of that name, added if the authority does not have it yet. */
    @Transactional
    public Parish parish(int authorityId, String name) {
        if (name.isBlank()) {
            throw InvalidInput.of("parish", "must not be blank");
        }
        Optional<Parish> existing = findParish(authorityId, name);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("insert into parish (authority_id, name) values (?, ?) on conflict (authority_id, name) do nothing")
                .params(authorityId, name.trim()).update();
        return findParish(authorityId, name).orElseThrow();
    }

    /** Sets the rent-free weeks (each named by its Monday) of the financial year, replacing any set before. */
    @Transactional
    public void setRentFreeWeeks(int authorityId, FinancialYear year, List<java.time.LocalDate> mondays) {
        for (int i = 0; i < mondays.size(); i++) {
            if (mondays.get(i).getDayOfWeek() != java.time.DayOfWeek.MONDAY || !year.contains(mondays.get(i))) {
                throw InvalidInput.of("weeks[" + i + "]", "must be a Monday in " + year);
            }
        }
        jdbc.sql("delete from rent_free_week where authority_id = ? and week_starting between ? and ?")
                .params(authorityId, year.start(), year.end()).update();
        for (java.time.LocalDate monday : mondays) {
            jdbc.sql("insert into rent_free_week (authority_id, week_starting) values (?, ?) on conflict do nothing")
                    .params(authorityId, monday).update();
        }
    }

    public boolean isRentFreeWeek(int authorityId, java.time.LocalDate monday) {
        return jdbc.sql("select exists (select 1 from rent_free_week where authority_id = ? and week_starting = ?)")
                .params(authorityId, monday).query(Boolean.class).single();
    }

    /** One body's Band D amount for a year, as an administrator sets it; with a parish, for that parish area only. */
    public record PreceptSetting(String name, PreceptorKind kind, Money bandD, String source, @Nullable String parish) {
        public PreceptSetting(String name, PreceptorKind kind, Money bandD, String source) {
            this(name, kind, bandD, source, null);
        }
    }

    /** Sets the year's precepts to exactly these, adding bodies the authority does not have yet. */
    @Transactional
    public void replacePrecepts(int authorityId, FinancialYear year, List<PreceptSetting> precepts) {
        jdbc.sql("delete from council_tax_precept where authority_id = ? and financial_year = ?")
                .params(authorityId, year.startYear()).update();
        for (PreceptSetting p : precepts) {
            Parish parish = p.parish() == null ? null : parish(authorityId, p.parish());
            setPrecept(authorityId, year, preceptingBody(authorityId, p.name(), p.kind()), p.bandD(), p.source(), parish);
        }
    }

    /** The year's Council Tax in the unparished area (the authority-wide bodies only), if one has been set. */
    public Optional<CouncilTaxYear> councilTax(int authorityId, FinancialYear year) {
        return councilTax(authorityId, year, null);
    }

    /**
     * The year's Council Tax in a parish area: the authority-wide bodies and that parish's own precept (if it has one
     * this year). Without a parish, the unparished area. Empty if no authority-wide body has a Band D amount set.
     */
    public Optional<CouncilTaxYear> councilTax(int authorityId, FinancialYear year, @Nullable Integer parishId) {
        List<CouncilTaxYear.Precept> precepts = jdbc.sql("""
                select b.id, b.name, b.kind, p.band_d_pence, p.source, pa.name as parish
                from council_tax_precept p
                join precepting_body b on b.authority_id = p.authority_id and b.id = p.precepting_body_id
                left join parish pa on pa.authority_id = p.authority_id and pa.id = p.parish_id
                where p.authority_id = ? and p.financial_year = ? and (p.parish_id is null or p.parish_id = ?)
                order by p.parish_id nulls first, b.id""")
                .params(authorityId, year.startYear(), parishId)
                .query((rs, n) -> new CouncilTaxYear.Precept(
                        new PreceptingBody(rs.getInt("id"), rs.getString("name"), PreceptorKind.valueOf(rs.getString("kind"))),
                        Money.ofPence(rs.getLong("band_d_pence")), rs.getString("source"), rs.getString("parish")))
                .list();
        boolean anyAuthorityWide = precepts.stream().anyMatch(p -> p.parish() == null);
        return anyAuthorityWide ? Optional.of(new CouncilTaxYear(authorityId, year, precepts)) : Optional.empty();
    }

    /** The Band D figures published for the council with this GSS code and year (reference data; see PublishedPrecept). */
    public List<PublishedPrecept> publishedPrecepts(String gssCode, FinancialYear year) {
        return jdbc.sql("""
                select gss_code, financial_year, body_name, body_kind, parish, band_d_pence, source
                from published_precept where gss_code = ? and financial_year = ? order by parish nulls first, body_name""")
                .params(gssCode, year.startYear())
                .query((rs, n) -> new PublishedPrecept(rs.getString("gss_code"), FinancialYear.of(rs.getInt("financial_year")),
                        rs.getString("body_name"), PreceptorKind.valueOf(rs.getString("body_kind")), rs.getString("parish"),
                        Money.ofPence(rs.getLong("band_d_pence")), rs.getString("source")))
                .list();
    }
}
