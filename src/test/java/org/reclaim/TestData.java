package org.reclaim;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.Accounts;
import org.reclaim.accounts.OpenAccount;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.AuthorityKind;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.NewParty;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.parties.PartyKind;
import org.reclaim.properties.NewProperty;
import org.reclaim.properties.Properties;
import org.reclaim.properties.Property;
import org.reclaim.properties.PropertyKind;
import org.reclaim.shared.CouncilTaxBand;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Fluent builders for the data an integration test needs, with valid defaults, through the modules' own facades
 * (so every rule and audit line applies). Called outside a request, the audit records the user "system".
 * <p>
 * Every {@link IntegrationTest} shares one database, so everything made here is unique: GSS codes E0999nnnn,
 * reference prefixes handed out from 99 downwards (there are only 90, 10 to 99, per installation: make one
 * authority per test class, not per test; a few are {@link #RESERVED_PREFIXES reserved}), surnames, streets,
 * postcodes and UPRNs with random parts.
 * <pre>
 *   TestData data = TestData.from(context);
 *   BillingAuthority council = data.authority().create();
 *   Party jane = data.person(council).forenames("Jane").surname(TestData.uniqueWord("Smith")).create();
 *   Property home = data.dwelling(council).create();
 *   Account account = data.account(council).liable(jane).property(home).open();
 * </pre>
 */
public final class TestData {

    /**
     * Prefixes that tests or the demo make with a fixed value, which the builder never hands out: 35 and 42 (the demo
     * councils), 90 to 99 (kept for tests that need a fixed prefix, e.g. CouncilTaxApiIT's 98).
     */
    public static final java.util.Set<Integer> RESERVED_PREFIXES =
            java.util.Set.of(35, 42, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99);
    private static final AtomicInteger NEXT_PREFIX = new AtomicInteger(89);
    private static final AtomicInteger NEXT_GSS = new AtomicInteger(ThreadLocalRandom.current().nextInt(10_000));
    // 11-digit UPRNs: a 12-digit one would be read by the search as an account reference
    private static final AtomicLong NEXT_UPRN = new AtomicLong(10_000_000_000L + ThreadLocalRandom.current().nextLong(80_000_000_000L));

    private final Authorities authorities;
    private final Parties parties;
    private final Properties properties;
    private final Accounts accounts;

    public TestData(Authorities authorities, Parties parties, Properties properties, Accounts accounts) {
        this.authorities = authorities;
        this.parties = parties;
        this.properties = properties;
        this.accounts = accounts;
    }

    public static TestData from(ApplicationContext context) {
        return new TestData(context.getBean(Authorities.class), context.getBean(Parties.class),
                context.getBean(Properties.class), context.getBean(Accounts.class));
    }

    // ---------------------------------------------------------------- unique values

    /** The stem followed by eight random lower-case letters, e.g. "Smithqhzkwbfa": unique, and only letters. */
    public static String uniqueWord(String stem) {
        StringBuilder s = new StringBuilder(stem);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return s.toString();
    }

    /** A valid postcode that no real place (and almost surely no other test) has, e.g. "QX47 3JW". */
    public static String uniquePostcode() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "Q" + (char) ('A' + r.nextInt(26)) + (10 + r.nextInt(90)) + " " + r.nextInt(10)
                + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
    }

    public static long uniqueUprn() {
        return NEXT_UPRN.incrementAndGet();
    }

    // ---------------------------------------------------------------- authorities

    public AuthorityBuilder authority() {
        return new AuthorityBuilder();
    }

    public final class AuthorityBuilder {
        private String name = "Test Council";
        private AuthorityKind kind = AuthorityKind.SHIRE_DISTRICT;
        private String gssCode;

        public AuthorityBuilder name(String name) {
            this.name = name;
            return this;
        }

        public AuthorityBuilder kind(AuthorityKind kind) {
            this.kind = kind;
            return this;
        }

        /** A fixed GSS code, for settings keyed by it (e.g. a GOV.UK Pay key in application-test.properties); else the next free one. */
        public AuthorityBuilder gssCode(String gssCode) {
            this.gssCode = gssCode;
            return this;
        }

        /** Creates it with the next free GSS code and reference prefix. */
        public BillingAuthority create() {
            while (true) {
                int prefix = NEXT_PREFIX.getAndDecrement();
                if (prefix < 10) {
                    throw new IllegalStateException("all free reference prefixes are used: make fewer authorities in tests");
                }
                if (RESERVED_PREFIXES.contains(prefix) || authorities.findByReferencePrefix(prefix).isPresent()) {
                    continue;
                }
                String gss = gssCode != null ? gssCode : nextFreeGssCode();
                try {
                    return authorities.create(gss, name + " " + gss, kind, prefix);
                } catch (DataIntegrityViolationException taken) {
                    if (gssCode != null && authorities.findByGssCode(gssCode).isPresent()) {
                        throw taken;
                    }
                    // made by something else in the meantime: try the next
                }
            }
        }

        private String nextFreeGssCode() {
            while (true) {
                String gss = String.format(Locale.ROOT, "E0999%04d", Math.floorMod(NEXT_GSS.incrementAndGet(), 10_000));
                if (authorities.findByGssCode(gss).isEmpty()) {
                    return gss;
                }
            }
        }
    }

    // ---------------------------------------------------------------- parties

    public PartyBuilder person(BillingAuthority authority) {
        return new PartyBuilder(authority, PartyKind.PERSON);
    }

    public PartyBuilder organisation(BillingAuthority authority) {
        return new PartyBuilder(authority, PartyKind.ORGANISATION);
    }

    public final class PartyBuilder {
        private final BillingAuthority authority;
        private final PartyKind kind;
        private String title;
        private String forenames;
        private String surname;
        private String organisationName;
        private LocalDate dateOfBirth;
        private final List<NewParty.NewContactPoint> contacts = new ArrayList<>();

        private PartyBuilder(BillingAuthority authority, PartyKind kind) {
            this.authority = authority;
            this.kind = kind;
            if (kind == PartyKind.PERSON) {
                forenames = "Alex";
                surname = uniqueWord("Testperson");
            } else {
                organisationName = uniqueWord("Testorg") + " Ltd";
            }
        }

        public PartyBuilder title(String title) {
            this.title = title;
            return this;
        }

        public PartyBuilder forenames(String forenames) {
            this.forenames = forenames;
            return this;
        }

        public PartyBuilder surname(String surname) {
            this.surname = surname;
            return this;
        }

        public PartyBuilder organisationName(String organisationName) {
            this.organisationName = organisationName;
            return this;
        }

        public PartyBuilder bornOn(LocalDate dateOfBirth) {
            this.dateOfBirth = dateOfBirth;
            return this;
        }

        public PartyBuilder postal(String addressLine1, String town, String postcode) {
            contacts.add(new NewParty.NewContactPoint(Party.ContactKind.POSTAL, null, null, addressLine1, null, town, postcode,
                    contacts.isEmpty()));
            return this;
        }

        public PartyBuilder email(String email) {
            contacts.add(new NewParty.NewContactPoint(Party.ContactKind.EMAIL, null, email, null, null, null, null, contacts.isEmpty()));
            return this;
        }

        public PartyBuilder phone(String phone) {
            contacts.add(new NewParty.NewContactPoint(Party.ContactKind.PHONE, phone, null, null, null, null, null, contacts.isEmpty()));
            return this;
        }

        public NewParty request() {
            return new NewParty(authority.gssCode(), kind, title, forenames, surname, organisationName, dateOfBirth, List.copyOf(contacts));
        }

        public Party create() {
            return parties.create(authority.id(), request());
        }
    }

    // ---------------------------------------------------------------- properties

    public PropertyBuilder dwelling(BillingAuthority authority) {
        return new PropertyBuilder(authority, PropertyKind.DWELLING);
    }

    public PropertyBuilder nonDomestic(BillingAuthority authority) {
        return new PropertyBuilder(authority, PropertyKind.NON_DOMESTIC);
    }

    public final class PropertyBuilder {
        private final BillingAuthority authority;
        private final PropertyKind kind;
        private long uprn = uniqueUprn();
        private String addressLine1;
        private String addressLine2;
        private String town = "Testbury";
        private String postcode = uniquePostcode();
        private CouncilTaxBand band;
        private Long rateableValuePence;
        private Long weeklyRentPence;

        private PropertyBuilder(BillingAuthority authority, PropertyKind kind) {
            this.authority = authority;
            this.kind = kind;
            this.addressLine1 = (1 + ThreadLocalRandom.current().nextInt(199)) + " " + uniqueWord("Test") + " Road";
            if (kind == PropertyKind.DWELLING) {
                band = CouncilTaxBand.C;
            } else {
                rateableValuePence = 1_250_000L;
            }
        }

        public PropertyBuilder uprn(long uprn) {
            this.uprn = uprn;
            return this;
        }

        public PropertyBuilder addressLine1(String addressLine1) {
            this.addressLine1 = addressLine1;
            return this;
        }

        public PropertyBuilder addressLine2(String addressLine2) {
            this.addressLine2 = addressLine2;
            return this;
        }

        public PropertyBuilder town(String town) {
            this.town = town;
            return this;
        }

        public PropertyBuilder postcode(String postcode) {
            this.postcode = postcode;
            return this;
        }

        public PropertyBuilder band(CouncilTaxBand band) {
            this.band = band;
            return this;
        }

        public PropertyBuilder rateableValuePence(Long pence) {
            this.rateableValuePence = pence;
            return this;
        }

        public PropertyBuilder weeklyRentPence(Long pence) {
            this.weeklyRentPence = pence;
            return this;
        }

        public NewProperty request() {
            return new NewProperty(authority.gssCode(), uprn, kind, addressLine1, addressLine2, town, postcode, band,
                    rateableValuePence, null, weeklyRentPence, null);
        }

        public Property create() {
            return properties.create(authority.id(), request());
        }
    }

    // ---------------------------------------------------------------- accounts

    public AccountBuilder account(BillingAuthority authority) {
        return new AccountBuilder(authority);
    }

    public final class AccountBuilder {
        private final BillingAuthority authority;
        private RevenueStream stream = RevenueStream.COUNCIL_TAX;
        private final List<Long> liable = new ArrayList<>();
        private Long propertyId;
        private boolean propertyGiven;
        private LocalDate liabilityStart = LocalDate.of(2024, 4, 1);
        private LocalDate liabilityEnd;

        private AccountBuilder(BillingAuthority authority) {
            this.authority = authority;
        }

        public AccountBuilder stream(RevenueStream stream) {
            this.stream = stream;
            return this;
        }

        public AccountBuilder liable(Party... parties) {
            for (Party p : parties) {
                liable.add(p.id());
            }
            return this;
        }

        public AccountBuilder property(Property property) {
            this.propertyId = property == null ? null : property.id();
            this.propertyGiven = true;
            return this;
        }

        public AccountBuilder from(LocalDate start) {
            this.liabilityStart = start;
            return this;
        }

        public AccountBuilder to(LocalDate end) {
            this.liabilityEnd = end;
            return this;
        }

        /**
         * Opens the account. With no liable party given, a new person is made; with no property given, a new one of the
         * kind the stream needs (none for former tenant arrears and overpayments).
         */
        public Account open() {
            if (liable.isEmpty()) {
                liable.add(person(authority).create().id());
            }
            if (!propertyGiven) {
                propertyId = switch (stream) {
                    case COUNCIL_TAX, HOUSING_RENT -> dwelling(authority).create().id();
                    case BUSINESS_RATES -> nonDomestic(authority).create().id();
                    case FORMER_TENANT_ARREARS, HB_OVERPAYMENT -> null;
                };
            }
            return accounts.open(new OpenAccount(authority.gssCode(), stream, List.copyOf(liable), propertyId, liabilityStart, liabilityEnd));
        }
    }
}
