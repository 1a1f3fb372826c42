package org.reclaim.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Postcode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds accounts by what a caller gives over the phone: a reference, a UPRN, a postcode, a name or the start of an
 * address. Each kind of query uses an index led by the authority, across every authority of the installation.
 */
@Service
public class AccountSearch {

    public record Hit(String reference, RevenueStream stream, String authorityCode, AccountStatus status, String names,
                      String address, String postcode, @com.fasterxml.jackson.annotation.JsonIgnore int authorityId) {
    }

    static final int MAX_HITS = 50;
    /** An outward code, optionally with the start of the inward code: "LE18", "WN1 1". */
    private static final java.util.regex.Pattern PARTIAL_POSTCODE =
            java.util.regex.Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?( [0-9][A-Z]?)?");

    private static final String HIT = """
            select a.reference, a.stream, ba.gss_code, a.status, a.authority_id,
                   coalesce((select string_agg(case when pa.kind = 'ORGANISATION' then pa.organisation_name
                                                    else concat_ws(' ', pa.title, pa.forenames, pa.surname) end, ' and ' order by pa.id)
                             from account_party ap2 join party pa on pa.authority_id = ap2.authority_id and pa.id = ap2.party_id
                             where ap2.authority_id = a.authority_id and ap2.account_id = a.id), '') as names,
                   coalesce(concat_ws(', ', pr.address_line_1, pr.address_line_2, pr.town), '') as address,
                   coalesce(pr.postcode, '') as postcode
            from account a
            join billing_authority ba on ba.id = a.authority_id
            left join property pr on pr.authority_id = a.authority_id and pr.id = a.property_id
            """;

    private final JdbcClient jdbc;
    private final Authorities authorities;

    AccountSearch(JdbcClient jdbc, Authorities authorities) {
        this.jdbc = jdbc;
        this.authorities = authorities;
    }

    public List<Hit> search(String query) {
        String q = query.trim();
        if (q.length() < 2) {
            throw InvalidInput.of("q", "give at least two characters: a reference, name, address, postcode or UPRN");
        }
        Integer[] authorityIds = authorities.all().stream().map(BillingAuthority::id).toArray(Integer[]::new);
        String digits = q.replaceAll("[\\s-]", "");
        if (digits.matches("[0-9]+")) {
            if (digits.length() > AccountReference.LENGTH) {
                throw InvalidInput.of("q", "a reference or UPRN has at most " + AccountReference.LENGTH + " digits");
            }
            // twelve digits may be an account reference or a UPRN (which has up to 12): try both
            String referenceProblem = null;
            if (digits.length() == AccountReference.LENGTH) {
                try {
                    List<Hit> byReference = run("where a.authority_id = any(:authorities) and a.reference = :reference",
                            authorityIds, "reference", AccountReference.parse(digits).value());
                    if (!byReference.isEmpty()) {
                        return byReference;
                    }
                } catch (IllegalArgumentException e) {
                    referenceProblem = e.getMessage();
                }
            }
            List<Hit> byUprn = run("where pr.authority_id = any(:authorities) and pr.uprn = :uprn",
                    authorityIds, "uprn", Long.parseLong(digits));
            if (byUprn.isEmpty() && referenceProblem != null) {
                throw InvalidInput.of("q", referenceProblem);
            }
            return byUprn;
        }
        if (Postcode.looksLikePostcode(q)) {
            return run("where pr.authority_id = any(:authorities) and pr.postcode = :postcode",
                    authorityIds, "postcode", Postcode.parse(q).value());
        }
        if (PARTIAL_POSTCODE.matcher(q.toUpperCase(Locale.ROOT)).matches()) {
            // the start of a postcode ("LE18", "LE18 2"): every property in it, up to the limit
            String start = q.toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            // an outward code holds thousands of properties: the first of them in postcode order, then their accounts
            return run("""
                    where (pr.authority_id, pr.id) in (
                        select p.authority_id, p.id from unnest(cast(:authorities as int[])) as au (id)
                        cross join lateral (select authority_id, id from property
                                            where authority_id = au.id and postcode like :postcode
                                            -- the order of the text_pattern_ops index: read in order, stopped at the limit
                                            order by postcode using ~<~ limit :limit) p)""",
                    authorityIds, "postcode", escapeLike(start) + (start.contains(" ") ? "%" : " %"));
        }
        List<Hit> hits = new ArrayList<>(byName(q, authorityIds));
        if (hits.size() < MAX_HITS) {
            run("where pr.authority_id = any(:authorities) and lower(pr.address_line_1) like :address",
                    authorityIds, "address", escapeLike(q.toLowerCase(Locale.ROOT)) + "%").stream()
                    .filter(h -> hits.stream().noneMatch(x -> x.reference().equals(h.reference())))
                    .limit(MAX_HITS - hits.size())
                    .forEach(hits::add);
        }
        return hits;
    }

    /** "Smith", "Jane Smith", "J Smith" or an organisation's name. */
    private List<Hit> byName(String q, Integer[] authorityIds) {
        String[] words = q.toLowerCase(Locale.ROOT).split("\\s+");
        String surname = escapeLike(words[words.length - 1]) + "%";
        String forename = words.length > 1 ? escapeLike(words[0]) + "%" : "%";
        return jdbc.sql(HIT + """
                where a.authority_id = any(:authorities) and exists (
                    select 1 from account_party ap join party p on p.authority_id = ap.authority_id and p.id = ap.party_id
                    where ap.authority_id = a.authority_id and ap.account_id = a.id
                      and p.id in (select id from party where authority_id = any(:authorities)
                                     and ((lower(surname) like :surname and coalesce(lower(forenames), '') like :forename)
                                          or lower(organisation_name) like :organisation)))
                order by a.status desc, a.reference
                limit :limit""")
                .param("authorities", authorityIds)
                .param("surname", surname)
                .param("forename", forename)
                .param("organisation", escapeLike(q.toLowerCase(Locale.ROOT)) + "%")
                .param("limit", MAX_HITS)
                .query(AccountSearch::hit)
                .list();
    }

    private List<Hit> run(String where, Integer[] authorityIds, String name, Object value) {
        return jdbc.sql(HIT + where + " order by a.status desc, a.reference limit :limit")
                .param("authorities", authorityIds)
                .param(name, value)
                .param("limit", MAX_HITS)
                .query(AccountSearch::hit)
                .list();
    }

    private static Hit hit(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Hit(rs.getString("reference"), RevenueStream.valueOf(rs.getString("stream")), rs.getString("gss_code"),
                AccountStatus.valueOf(rs.getString("status")), rs.getString("names"), rs.getString("address"), rs.getString("postcode"),
                rs.getInt("authority_id"));
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
