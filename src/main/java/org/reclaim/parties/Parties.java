package org.reclaim.parties;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.reclaim.shared.Postcode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and reads parties. Every change is audited in the same transaction. */
@Service
public class Parties {

    private final JdbcClient jdbc;
    private final AccessAudit audit;
    private final Clock clock;

    Parties(JdbcClient jdbc, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Party create(int authorityId, NewParty p) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (p.kind() == PartyKind.PERSON && blank(p.surname())) {
            errors.add(new InvalidInput.FieldError("surname", "is required for a person"));
        }
        if (p.kind() == PartyKind.PERSON && !blank(p.organisationName())) {
            errors.add(new InvalidInput.FieldError("organisationName", "is only for an organisation"));
        }
        if (p.kind() == PartyKind.ORGANISATION && blank(p.organisationName())) {
            errors.add(new InvalidInput.FieldError("organisationName", "is required for an organisation"));
        }
        if (p.kind() == PartyKind.ORGANISATION && (!blank(p.surname()) || p.dateOfBirth() != null)) {
            errors.add(new InvalidInput.FieldError(!blank(p.surname()) ? "surname" : "dateOfBirth", "is only for a person"));
        }
        List<NewParty.NewContactPoint> contacts = p.contactPoints() == null ? List.of() : p.contactPoints();
        List<Postcode> postcodes = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            postcodes.add(checkContact(contacts.get(i), "contactPoints[" + i + "]", errors));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        long id = jdbc.sql("""
                insert into party (authority_id, kind, title, forenames, surname, organisation_name, date_of_birth, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(authorityId, p.kind().name(), trim(p.title()), trim(p.forenames()), trim(p.surname()),
                        trim(p.organisationName()), p.dateOfBirth(), OffsetDateTime.now(clock))
                .query(Long.class).single();
        for (int i = 0; i < contacts.size(); i++) {
            addContact(authorityId, id, contacts.get(i), postcodes.get(i));
        }
        audit.record(authorityId, AccessAudit.Action.CHANGE, AccessAudit.Subject.PARTY, id, "created");
        return get(id);
    }

    private static @Nullable Postcode checkContact(NewParty.NewContactPoint c, String at, List<InvalidInput.FieldError> errors) {
        switch (c.kind()) {
            case PHONE -> {
                if (blank(c.phone())) {
                    errors.add(new InvalidInput.FieldError(at + ".phone", "is required for a phone contact"));
                }
            }
            case EMAIL -> {
                if (blank(c.email())) {
                    errors.add(new InvalidInput.FieldError(at + ".email", "is required for an email contact"));
                }
            }
            case POSTAL -> {
                if (blank(c.addressLine1())) {
                    errors.add(new InvalidInput.FieldError(at + ".addressLine1", "is required for a postal address"));
                }
                if (blank(c.postcode())) {
                    errors.add(new InvalidInput.FieldError(at + ".postcode", "is required for a postal address"));
                } else if (!Postcode.looksLikePostcode(c.postcode())) {
                    errors.add(new InvalidInput.FieldError(at + ".postcode", "is not a UK postcode (for example LE18 2DR)"));
                } else {
                    return Postcode.parse(c.postcode());
                }
            }
        }
        return null;
    }

    private void addContact(int authorityId, long partyId, NewParty.NewContactPoint c, @Nullable Postcode postcode) {
        String value = switch (c.kind()) {
            case PHONE -> c.phone();
            case EMAIL -> c.email();
            case POSTAL -> null;
        };
        boolean postal = c.kind() == Party.ContactKind.POSTAL;
        jdbc.sql("""
                insert into contact_point (authority_id, party_id, kind, value, address_line_1, address_line_2, town, postcode, preferred)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(authorityId, partyId, c.kind().name(), value,
                        postal ? trim(c.addressLine1()) : null, postal ? trim(c.addressLine2()) : null,
                        postal ? trim(c.town()) : null, postcode == null ? null : postcode.value(), Boolean.TRUE.equals(c.preferred()))
                .update();
    }

    @Transactional
    public void addFlag(long partyId, PartyFlag flag, LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable String note,
                        @Nullable Boolean consent) {
        Party party = get(partyId);
        List<InvalidInput.FieldError> errors = new java.util.ArrayList<>();
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new InvalidInput.FieldError("endsOn", "must not be before startsOn"));
        }
        if (flag == PartyFlag.VULNERABLE) {
            // UK GDPR art. 9: the customer agrees to it being recorded, and the record says why
            if (!Boolean.TRUE.equals(consent)) {
                errors.add(new InvalidInput.FieldError("consent", "must be true: record a vulnerability only with the customer's consent "
                        + "(without it, a VULNERABILITY_REVIEW hold pauses recovery while it is looked into)"));
            }
            if (note == null || note.isBlank()) {
                errors.add(new InvalidInput.FieldError("note", "is required for a vulnerability: the reason, for the officers who need it"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        jdbc.sql("""
                insert into party_flag (authority_id, party_id, flag, starts_on, ends_on, note, consent, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(party.authorityId(), partyId, flag.name(), startsOn, endsOn, note, flag == PartyFlag.VULNERABLE ? consent : null,
                        AccessAudit.currentUser(), OffsetDateTime.now(clock))
                .update();
        audit.record(party.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.PARTY, partyId, "flag " + flag + " added");
    }

    /**
     * The contact details an officer may correct: a phone number, an email address and the correspondence address.
     * A null or blank field leaves that detail as it is.
     */
    public record ContactCorrection(@Nullable String phone, @Nullable String email, @Nullable String addressLine1,
                                    @Nullable String addressLine2, @Nullable String town, @Nullable String postcode, String reason) {
    }

    /** One correction of a contact detail, with the value before it ({@code null}: there was none) and after it. */
    public record ContactChange(long id, long partyId, Party.ContactKind kind, @Nullable String oldValue, String newValue, String reason,
                                OffsetDateTime changedAt, String changedBy) {
    }

    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("\\+?[0-9 ]{6,20}");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * Corrects the customer's preferred phone number, email address and correspondence address (each given and different
     * from the one held: the one held is changed, or one is added), keeping the old and new value of each with the
     * reason, and returns the kinds changed. The same correction again changes nothing and returns none.
     */
    @Transactional
    public List<Party.ContactKind> correctContactDetails(long partyId, ContactCorrection c) {
        Party party = get(partyId);
        jdbc.sql("select id from party where authority_id = ? and id = ? for update").params(party.authorityId(), partyId)
                .query(Long.class).single();   // two corrections at once: the second sees the first
        party = get(partyId);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (blank(c.reason())) {
            errors.add(new InvalidInput.FieldError("reason", "is required: say why the details are corrected"));
        }
        if (!blank(c.phone()) && !PHONE.matcher(c.phone().trim()).matches()) {
            errors.add(new InvalidInput.FieldError("phone", "must be a telephone number, like 0116 257 2000 or +44 116 257 2000"));
        }
        if (!blank(c.email()) && (!EMAIL.matcher(c.email().trim()).matches() || c.email().trim().length() > 254)) {
            errors.add(new InvalidInput.FieldError("email", "must be an email address, like name@example.com"));
        }
        boolean postal = !blank(c.addressLine1()) || !blank(c.addressLine2()) || !blank(c.town()) || !blank(c.postcode());
        Postcode postcode = null;
        if (postal && blank(c.addressLine1())) {
            errors.add(new InvalidInput.FieldError("addressLine1", "is required for a postal address"));
        }
        if (postal && blank(c.postcode())) {
            errors.add(new InvalidInput.FieldError("postcode", "is required for a postal address"));
        } else if (postal && !Postcode.looksLikePostcode(c.postcode())) {
            errors.add(new InvalidInput.FieldError("postcode", "is not a UK postcode (for example LE18 2DR)"));
        } else if (postal) {
            postcode = Postcode.parse(c.postcode());
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        List<Party.ContactKind> changed = new ArrayList<>();
        String reason = c.reason().trim();
        if (!blank(c.phone()) && correct(party, Party.ContactKind.PHONE, c.phone().trim(), null, reason)) {
            changed.add(Party.ContactKind.PHONE);
        }
        if (!blank(c.email()) && correct(party, Party.ContactKind.EMAIL, c.email().trim(), null, reason)) {
            changed.add(Party.ContactKind.EMAIL);
        }
        if (postcode != null && correct(party, Party.ContactKind.POSTAL, null,
                new NewParty.NewContactPoint(Party.ContactKind.POSTAL, null, null, trim(c.addressLine1()), trim(c.addressLine2()),
                        trim(c.town()), postcode.value(), true), reason)) {
            changed.add(Party.ContactKind.POSTAL);
        }
        if (!changed.isEmpty()) {
            audit.record(party.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.PARTY, partyId,
                    "contact details corrected: " + changed.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        return changed;
    }

    /** The corrections of the customer's contact details, newest first. */
    public List<ContactChange> contactChanges(long partyId) {
        Party party = get(partyId);
        return jdbc.sql("""
                select id, party_id, kind, old_value, new_value, reason, changed_at, changed_by from contact_point_change
                where authority_id = ? and party_id = ? order by changed_at desc, id desc""")
                .params(party.authorityId(), partyId)
                .query((rs, n) -> new ContactChange(rs.getLong("id"), rs.getLong("party_id"), Party.ContactKind.valueOf(rs.getString("kind")),
                        rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"),
                        rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by")))
                .list();
    }

    /** Changes the preferred contact point of this kind (or adds one) when it differs; false when it is already so. */
    private boolean correct(Party party, Party.ContactKind kind, @Nullable String value, NewParty.@Nullable NewContactPoint address,
                            String reason) {
        Optional<Party.ContactPoint> held = party.contactPoints().stream().filter(p -> p.kind() == kind).findFirst();
        String before = held.map(Parties::oneLine).orElse(null);
        String after = address == null ? value : oneLine(new Party.ContactPoint(0, kind, null, address.addressLine1(),
                address.addressLine2(), address.town(), address.postcode(), true));
        if (after.equals(before)) {
            return false;
        }
        long pointId;
        if (held.isPresent()) {
            pointId = held.get().id();
            jdbc.sql("""
                    update contact_point set value = ?, address_line_1 = ?, address_line_2 = ?, town = ?, postcode = ?
                    where authority_id = ? and id = ?""")
                    .params(value, address == null ? null : address.addressLine1(), address == null ? null : address.addressLine2(),
                            address == null ? null : address.town(), address == null ? null : address.postcode(), party.authorityId(), pointId)
                    .update();
        } else {
            pointId = jdbc.sql("""
                    insert into contact_point (authority_id, party_id, kind, value, address_line_1, address_line_2, town, postcode, preferred)
                    values (?, ?, ?, ?, ?, ?, ?, ?, true) returning id""")
                    .params(party.authorityId(), party.id(), kind.name(), value, address == null ? null : address.addressLine1(),
                            address == null ? null : address.addressLine2(), address == null ? null : address.town(),
                            address == null ? null : address.postcode())
                    .query(Long.class).single();
        }
        jdbc.sql("""
                insert into contact_point_change (authority_id, party_id, contact_point_id, kind, old_value, new_value, reason, changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(party.authorityId(), party.id(), pointId, kind.name(), before, after, reason, OffsetDateTime.now(clock),
                        AccessAudit.currentUser())
                .update();
        return true;
    }

    /** A phone number, an email address, or a postal address on one line. */
    private static String oneLine(Party.ContactPoint p) {
        if (p.kind() != Party.ContactKind.POSTAL) {
            return String.valueOf(p.value());
        }
        return java.util.stream.Stream.of(p.addressLine1(), p.addressLine2(), p.town(), p.postcode())
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
    }

    public Optional<Party> find(long id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    public Party get(long id) {
        return find(id).orElseThrow(() -> NotFound.of("customer", id));
    }

    /** The parties with these ids, with their contact points and flags, in three queries whatever their number. */
    public List<Party> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        record Row(long id, int authorityId, PartyKind kind, @Nullable String title, @Nullable String forenames,
                   @Nullable String surname, @Nullable String organisationName, @Nullable LocalDate dateOfBirth) {
        }
        List<Row> rows = jdbc.sql("""
                select id, authority_id, kind, title, forenames, surname, organisation_name, date_of_birth
                from party where id = any(?) order by id""")
                .param(ids.toArray(Long[]::new))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getInt("authority_id"), PartyKind.valueOf(rs.getString("kind")),
                        rs.getString("title"), rs.getString("forenames"), rs.getString("surname"), rs.getString("organisation_name"),
                        rs.getObject("date_of_birth", LocalDate.class)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Integer[] authorityIds = rows.stream().map(Row::authorityId).distinct().toArray(Integer[]::new);
        Long[] partyIds = rows.stream().map(Row::id).toArray(Long[]::new);
        Map<Long, List<Party.ContactPoint>> contacts = jdbc.sql("""
                select party_id, id, kind, value, address_line_1, address_line_2, town, postcode, preferred
                from contact_point where authority_id = any(?) and party_id = any(?) order by party_id, preferred desc, id""")
                .params(authorityIds, partyIds)
                .query((rs, n) -> Map.entry(rs.getLong("party_id"), contact(rs)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<Long, List<Party.Flag>> flags = jdbc.sql("""
                select party_id, flag, starts_on, ends_on, note, consent, recorded_by from party_flag
                where authority_id = any(?) and party_id = any(?) order by party_id, starts_on""")
                .params(authorityIds, partyIds)
                .query((rs, n) -> Map.entry(rs.getLong("party_id"), new Party.Flag(PartyFlag.valueOf(rs.getString("flag")),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("note"),
                        (Boolean) rs.getObject("consent"), rs.getString("recorded_by"), false)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(r -> new Party(r.id(), r.authorityId(), r.kind(), r.title(), r.forenames(), r.surname(),
                r.organisationName(), r.dateOfBirth(), contacts.getOrDefault(r.id(), List.of()), flags.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private static Party.ContactPoint contact(ResultSet rs) throws SQLException {
        return new Party.ContactPoint(rs.getLong("id"), Party.ContactKind.valueOf(rs.getString("kind")), rs.getString("value"),
                rs.getString("address_line_1"), rs.getString("address_line_2"), rs.getString("town"), rs.getString("postcode"),
                rs.getBoolean("preferred"));
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String trim(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
