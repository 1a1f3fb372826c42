package org.reclaim.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.properties.Properties;
import org.reclaim.properties.Property;
import org.reclaim.properties.PropertyKind;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens and finds accounts. */
@Service
public class Accounts {

    static final String SELECT = """
            select a.id, a.authority_id, a.reference, a.stream, a.property_id, a.liability_start, a.liability_end, a.status,
                   array(select p.party_id from account_party p
                         where p.authority_id = a.authority_id and p.account_id = a.id order by p.party_id) as party_ids
            from account a""";

    private final JdbcClient jdbc;
    private final Authorities authorities;
    private final Parties parties;
    private final Properties properties;
    private final AccessAudit audit;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Authorities authorities, Parties parties, Properties properties, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.authorities = authorities;
        this.parties = parties;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Account open(OpenAccount request) {
        BillingAuthority authority = authorities.named(request.authorityCode(), "authorityCode");
        List<InvalidInput.FieldError> errors = new ArrayList<>(liablePartyErrors(authority, request.liablePartyIds(), "liablePartyIds"));
        if (request.liabilityEnd() != null && request.liabilityEnd().isBefore(request.liabilityStart())) {
            errors.add(new InvalidInput.FieldError("liabilityEnd", "must not be before liabilityStart"));
        }
        checkProperty(authority, request, errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('account', 'id'))").query(Long.class).single();
        AccountReference reference = AccountReference.of(authority.referencePrefix(), request.stream(), id);
        jdbc.sql("""
                insert into account (authority_id, id, reference, stream, property_id, liability_start, liability_end, status, opened_at)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(authority.id(), id, reference.value(), request.stream().name(), request.propertyId(),
                        request.liabilityStart(), request.liabilityEnd(), OffsetDateTime.now(clock))
                .update();
        for (Long partyId : request.liablePartyIds()) {
            jdbc.sql("insert into account_party (authority_id, account_id, party_id) values (?, ?, ?)")
                    .params(authority.id(), id, partyId).update();
        }
        audit.record(authority.id(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, reference, "opened");
        return get(reference);
    }

    /**
     * What stops these customers being the liable parties of an account at the authority: one that is not the
     * authority's ({@code field[i]}), or one named twice ({@code field}). Empty when they can be.
     */
    public List<InvalidInput.FieldError> liablePartyErrors(BillingAuthority authority, List<Long> partyIds, String field) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        List<Party> liable = parties.findAll(partyIds);
        for (int i = 0; i < partyIds.size(); i++) {
            long id = partyIds.get(i);
            if (liable.stream().noneMatch(p -> p.id() == id && p.authorityId() == authority.id())) {
                errors.add(new InvalidInput.FieldError(field + "[" + i + "]", "there is no customer " + id + " at " + authority.name()));
            }
        }
        if (partyIds.stream().distinct().count() != partyIds.size()) {
            errors.add(new InvalidInput.FieldError(field, "names the same customer twice"));
        }
        return errors;
    }

    private void checkProperty(BillingAuthority authority, OpenAccount request, List<InvalidInput.FieldError> errors) {
        boolean needsProperty = switch (request.stream()) {
            case COUNCIL_TAX, BUSINESS_RATES, HOUSING_RENT -> true;
            case FORMER_TENANT_ARREARS, HB_OVERPAYMENT -> false;
        };
        if (request.propertyId() == null) {
            if (needsProperty) {
                errors.add(new InvalidInput.FieldError("propertyId", "is required for " + request.stream()));
            }
            return;
        }
        Optional<Property> found = properties.find(request.propertyId()).filter(p -> p.authorityId() == authority.id());
        if (found.isEmpty()) {
            errors.add(new InvalidInput.FieldError("propertyId", "there is no property " + request.propertyId() + " at " + authority.name()));
            return;
        }
        Property property = found.get();
        PropertyKind wanted = request.stream() == RevenueStream.BUSINESS_RATES ? PropertyKind.NON_DOMESTIC : PropertyKind.DWELLING;
        if (needsProperty && property.kind() != wanted) {
            errors.add(new InvalidInput.FieldError("propertyId", request.stream() + " needs a " + wanted + " property"));
        }
    }

    /**
     * Ends an open account's liability on the given day and closes it. Its ledger stays; a closed account takes no new
     * liability but can still be paid, adjusted or written off.
     */
    @Transactional
    public Account close(AccountReference reference, LocalDate liabilityEnd, String why) {
        Account account = get(reference);
        if (account.status() == AccountStatus.CLOSED) {
            throw org.reclaim.shared.Conflict.because("account " + reference + " is already closed");
        }
        if (liabilityEnd.isBefore(account.liabilityStart())) {
            throw InvalidInput.of("liabilityEnd", "must not be before the liability started on " + account.liabilityStart());
        }
        jdbc.sql("update account set status = 'CLOSED', liability_end = ? where authority_id = ? and id = ? and status = 'OPEN'")
                .params(liabilityEnd, account.authorityId(), account.id()).update();
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, reference, "closed: " + why);
        return get(reference);
    }

    public Optional<Account> find(AccountReference reference) {
        return authorities.findByReferencePrefix(reference.authorityPrefix()).flatMap(authority ->
                jdbc.sql(SELECT + " where a.authority_id = ? and a.reference = ?")
                        .params(authority.id(), reference.value())
                        .query(Accounts::map).optional());
    }

    public Account get(AccountReference reference) {
        return find(reference).orElseThrow(() -> NotFound.of("account with reference", reference));
    }

    /** The authority's open accounts of a stream whose liability covers any day from {@code from} to {@code to}. */
    public List<Account> liableBetween(int authorityId, RevenueStream stream, LocalDate from, LocalDate to) {
        return jdbc.sql(SELECT + " where a.authority_id = ? and a.stream = ? and a.status = 'OPEN'"
                        + " and a.liability_start <= ? and (a.liability_end is null or a.liability_end >= ?) order by a.id")
                .params(authorityId, stream.name(), to, from).query(Accounts::map).list();
    }

    /**
     * Locks the account's row until the transaction ends, so that work which reads the account's state before changing
     * it (posting, billing) sees every earlier change and is seen by every later one.
     */
    public void lock(Account account) {
        jdbc.sql("select id from account where authority_id = ? and id = ? for update")
                .params(account.authorityId(), account.id()).query(Long.class).single();
    }

    /**
     * Locks the authority's accounts that have these references, in id order (so that two runs locking overlapping sets
     * never deadlock), until the transaction ends; returns them in id order. References with no account are left out.
     */
    public List<Account> lockAll(int authorityId, java.util.Collection<AccountReference> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where a.authority_id = ? and a.reference = any(?) order by a.id for update of a")
                .params(authorityId, references.stream().map(AccountReference::value).distinct().toArray(String[]::new))
                .query(Accounts::map).list();
    }

    /**
     * The account a request names in its path, with a READ line in the access audit saying what was read: the request's
     * own method and path (an API call or an officer's page), or {@code "GET /api/v1/accounts/{reference}" + pathSuffix}
     * outside a web request.
     */
    public Account readForRequest(String reference, String pathSuffix) {
        Account account = get(AccountReference.fromRequest(reference));
        String asked = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes web
                ? web.getRequest().getMethod() + " " + web.getRequest().getRequestURI()
                : "GET /api/v1/accounts/" + account.reference() + pathSuffix;
        audit.record(account.authorityId(), AccessAudit.Action.READ, AccessAudit.Subject.ACCOUNT, account.reference(), asked);
        return account;
    }

    /** The accounts of a stream at a property, open or closed. */
    public List<Account> atProperty(int authorityId, long propertyId, RevenueStream stream) {
        return jdbc.sql(SELECT + " where a.authority_id = ? and a.property_id = ? and a.stream = ? order by a.id")
                .params(authorityId, propertyId, stream.name()).query(Accounts::map).list();
    }

    /** Every account on which the party is liable. */
    public List<Account> ofParty(Party party) {
        return jdbc.sql(SELECT + " join account_party ap on ap.authority_id = a.authority_id and ap.account_id = a.id"
                        + " where ap.authority_id = ? and ap.party_id = ? order by a.id")
                .params(party.authorityId(), party.id()).query(Accounts::map).list();
    }

    static Account map(ResultSet rs, int n) throws SQLException {
        Long[] partyIds = (Long[]) rs.getArray("party_ids").getArray();
        return new Account(rs.getLong("id"), rs.getInt("authority_id"), new AccountReference(rs.getString("reference")),
                RevenueStream.valueOf(rs.getString("stream")), (Long) rs.getObject("property_id"),
                rs.getObject("liability_start", LocalDate.class), rs.getObject("liability_end", LocalDate.class),
                AccountStatus.valueOf(rs.getString("status")), Arrays.asList(partyIds));
    }
}
