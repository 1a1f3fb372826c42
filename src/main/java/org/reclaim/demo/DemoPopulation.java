package org.reclaim.demo;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;

/**
 * Generates one council's synthetic population as COPY chunks, deterministically from a seed: the same seed and
 * size always give the same people, addresses, references and balances. Nothing here touches the database.
 */
final class DemoPopulation {

    static final int CHUNK_HOUSEHOLDS = 20_000;

    /** How many of each thing a council of the demo gets. */
    record Size(int dwellings, int businesses, int tenancies, int formerTenancies, int overpayments) {
        static Size of(DemoCouncil council, int totalDwellings) {
            int dwellings = Math.max(1, (int) ((long) totalDwellings * council.dwellingSharePercent() / 100));
            int tenancies = council.councilHousing() ? dwellings * 3 / 20 : 0;       // 20,000 dwellings -> 3,000 tenancies in all
            return new Size(dwellings, Math.max(1, dwellings / 10), tenancies, tenancies / 10, Math.max(1, dwellings / 100));
        }

        int accounts() {
            return dwellings + businesses + tenancies + formerTenancies + overpayments;
        }

        /** An upper bound: up to two adults a dwelling, one party for each other account. */
        int partiesAtMost() {
            return 2 * dwellings + businesses + formerTenancies + overpayments;
        }

        int properties() {
            return dwellings + businesses;
        }
    }

    /** Where this council's explicit ids start (reserved from the table sequences beforehand). */
    record IdBases(long property, long party, long account) {
    }

    private static final String PROPERTY_COLUMNS = "authority_id, id, uprn, kind, address_line_1, address_line_2, town, postcode, "
            + "council_tax_band, rateable_value_pence, rates_description, weekly_rent_pence, weekly_service_charge_pence, created_at";
    private static final String PARTY_COLUMNS = "authority_id, id, kind, title, forenames, surname, organisation_name, date_of_birth, created_at";
    private static final String CONTACT_COLUMNS = "authority_id, party_id, kind, value, address_line_1, address_line_2, town, postcode, preferred";
    private static final String FLAG_COLUMNS = "authority_id, party_id, flag, starts_on, ends_on, note, recorded_by, recorded_at";
    private static final String ACCOUNT_COLUMNS = "authority_id, id, reference, stream, property_id, liability_start, liability_end, status, opened_at";
    private static final String ACCOUNT_PARTY_COLUMNS = "authority_id, account_id, party_id";
    private static final String LEDGER_COLUMNS = "authority_id, account_id, financial_year, entry_type, amount_pence, effective_on, "
            + "due_on, posted_at, posted_by, description";
    private static final String[] TITLES = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Mx"};
    private static final String[] RATES_USES = {"Shop and premises", "Office and premises", "Warehouse and premises", "Cafe and premises",
            "Public house and premises", "Workshop and premises", "Hairdressing salon and premises", "Restaurant and premises",
            "Car showroom and premises", "Factory and premises"};
    private static final String[] BUSINESS_WORDS = {"Bakery", "Motors", "Hair Studio", "Convenience Store", "Cafe", "Builders",
            "Accountants", "Florist", "Pharmacy", "Engineering", "Print Works", "Takeaway", "Opticians", "Joinery"};

    private final DemoCouncil council;
    private final int authorityId;
    private final Size size;
    private final IdBases ids;
    private final Vocabulary words;
    private final Map<CouncilTaxBand, Money> charges;
    private final FinancialYear chargedYear;
    private final String now;
    private final SplittableRandom random;

    private long nextProperty;
    private long nextParty;
    private long nextAccount;

    DemoPopulation(DemoCouncil council, int authorityId, Size size, IdBases ids, Vocabulary words,
                   Map<CouncilTaxBand, Money> charges, FinancialYear chargedYear, String now, long seed) {
        this.council = council;
        this.authorityId = authorityId;
        this.size = size;
        this.ids = ids;
        this.words = words;
        this.charges = charges;
        this.chargedYear = chargedYear;
        this.now = now;
        this.random = new SplittableRandom(seed ^ council.gssCode().hashCode());
        this.nextProperty = ids.property();
        this.nextParty = ids.party();
        this.nextAccount = ids.account();
    }

    /** The highest ids this population used. */
    long lastProperty() { return nextProperty - 1; }
    long lastParty() { return nextParty - 1; }
    long lastAccount() { return nextAccount - 1; }

    void generate(Consumer<CopyChunk> out) {
        for (int from = 0; from < size.dwellings(); from += CHUNK_HOUSEHOLDS) {
            households(from, Math.min(size.dwellings(), from + CHUNK_HOUSEHOLDS), out);
        }
        businesses(out);
        debtsWithoutProperty(out);
    }

    private final class Rows {
        final StringBuilder property = new StringBuilder(), party = new StringBuilder(), contact = new StringBuilder(),
                flag = new StringBuilder(), account = new StringBuilder(), accountParty = new StringBuilder(), ledger = new StringBuilder();
        final int[] counts = new int[7];

        void flush(Consumer<CopyChunk> out) {
            emit(out, "property", PROPERTY_COLUMNS, property, counts[0]);
            emit(out, "party", PARTY_COLUMNS, party, counts[1]);
            emit(out, "contact_point", CONTACT_COLUMNS, contact, counts[2]);
            emit(out, "party_flag", FLAG_COLUMNS, flag, counts[3]);
            emit(out, "account", ACCOUNT_COLUMNS, account, counts[4]);
            emit(out, "account_party", ACCOUNT_PARTY_COLUMNS, accountParty, counts[5]);
            emit(out, "ledger_entry", LEDGER_COLUMNS, ledger, counts[6]);
        }

        private void emit(Consumer<CopyChunk> out, String table, String columns, StringBuilder rows, int count) {
            if (count > 0) {
                out.accept(new CopyChunk(table, columns, rows.toString(), count));
            }
        }
    }

    private void households(int from, int to, Consumer<CopyChunk> out) {
        Rows r = new Rows();
        for (int i = from; i < to; i++) {
            boolean councilHome = i < size.tenancies();
            String town = pick(council.towns());
            String street = pick(words.streets()) + " " + pick(words.suffixes());
            CouncilTaxBand band = band();
            long propertyId = nextProperty++;
            Long rent = councilHome ? 8_500L + random.nextInt(4_000) : null;
            Long service = councilHome ? (long) random.nextInt(1_500) : null;
            row(r.property, authorityId, propertyId, council.uprnBase() + i + 1, "DWELLING", (1 + random.nextInt(180)) + " " + street,
                    null, town, postcode(), band.name(), null, null, rent, service, now);
            r.counts[0]++;
            String surname = pick(words.surnames());
            int adults = random.nextInt(100) < 42 ? 2 : 1;
            long[] liable = new long[adults];
            for (int a = 0; a < adults; a++) {
                liable[a] = person(r, a == 0 ? surname : (random.nextInt(100) < 70 ? surname : pick(words.surnames())));
            }
            LocalDate start = moveInDate();
            long accountId = account(r, RevenueStream.COUNCIL_TAX, propertyId, start, liable);
            chargeCouncilTax(r, accountId, band, start);
            if (councilHome) {
                account(r, RevenueStream.HOUSING_RENT, propertyId, start, liable);
            }
        }
        r.flush(out);
    }

    private void businesses(Consumer<CopyChunk> out) {
        Rows r = new Rows();
        for (int i = 0; i < size.businesses(); i++) {
            long propertyId = nextProperty++;
            long rv = rateableValue();
            String street = pick(words.streets()) + " " + pick(words.suffixes());
            row(r.property, authorityId, propertyId, council.uprnBase() + size.dwellings() + i + 1, "NON_DOMESTIC",
                    "Unit " + (1 + random.nextInt(40)) + ", " + street, null, pick(council.towns()), postcode(), null, rv,
                    RATES_USES[random.nextInt(RATES_USES.length)], null, null, now);
            r.counts[0]++;
            long partyId = nextParty++;
            String name = random.nextBoolean() ? pick(words.surnames()) + " " + BUSINESS_WORDS[random.nextInt(BUSINESS_WORDS.length)] + " Ltd"
                    : pick(words.streets()) + " " + BUSINESS_WORDS[random.nextInt(BUSINESS_WORDS.length)];
            row(r.party, authorityId, partyId, "ORGANISATION", null, null, null, name, null, now);
            r.counts[1]++;
            row(r.contact, authorityId, partyId, "EMAIL", "accounts" + partyId + "@example.com", null, null, null, null, "t");
            r.counts[2]++;
            account(r, RevenueStream.BUSINESS_RATES, propertyId, moveInDate(), new long[] {partyId});
            if (r.counts[0] >= CHUNK_HOUSEHOLDS) {
                r.flush(out);
                r = new Rows();
            }
        }
        r.flush(out);
    }

    /** Former tenant arrears and Housing Benefit overpayments: a debt with a person and no property account. */
    private void debtsWithoutProperty(Consumer<CopyChunk> out) {
        Rows r = new Rows();
        for (int i = 0; i < size.formerTenancies(); i++) {
            long partyId = person(r, pick(words.surnames()));
            LocalDate ended = LocalDate.of(2022, 4, 1).plusDays(random.nextInt(1_000));
            long accountId = account(r, RevenueStream.FORMER_TENANT_ARREARS, null, ended, new long[] {partyId});
            long balance = 5_000 + random.nextInt(300_000);
            ledger(r, accountId, FinancialYear.containing(ended), "CHARGE", balance, ended, ended, "Closing balance of ended tenancy");
        }
        for (int i = 0; i < size.overpayments(); i++) {
            long partyId = person(r, pick(words.surnames()));
            LocalDate raised = LocalDate.of(2023, 4, 1).plusDays(random.nextInt(900));
            long accountId = account(r, RevenueStream.HB_OVERPAYMENT, null, raised, new long[] {partyId});
            long invoice = 10_000 + random.nextInt(400_000);
            LocalDate due = raised.plusDays(21);
            ledger(r, accountId, FinancialYear.containing(raised), "CHARGE", invoice, raised, due, "Housing Benefit overpayment invoice");
            if (random.nextInt(100) < 60) {
                long repaid = invoice * (10 + random.nextInt(80)) / 100;
                LocalDate paid = due.plusDays(30 + random.nextInt(200));
                ledger(r, accountId, FinancialYear.containing(paid), "PAYMENT", -repaid, paid, null, "Repayments received");
            }
        }
        r.flush(out);
    }

    private long person(Rows r, String surname) {
        long partyId = nextParty++;
        String forename = pick(words.forenames());
        LocalDate born = LocalDate.of(1935, 1, 1).plusDays(random.nextInt(365 * 70));
        row(r.party, authorityId, partyId, "PERSON", TITLES[random.nextInt(TITLES.length)], forename, surname, null, born, now);
        r.counts[1]++;
        if (random.nextInt(100) < 60) {
            row(r.contact, authorityId, partyId, "PHONE", "07700 9" + String.format("%05d", random.nextInt(100_000)), null, null, null, null, "t");
            r.counts[2]++;
        }
        if (random.nextInt(100) < 45) {
            row(r.contact, authorityId, partyId, "EMAIL", forename.toLowerCase() + "." + partyId + "@example.com", null, null, null, null, "f");
            r.counts[2]++;
        }
        int flag = random.nextInt(1000);
        if (flag < 30) {
            row(r.flag, authorityId, partyId, "VULNERABLE", LocalDate.of(2024, 1, 1).plusDays(random.nextInt(600)), null,
                    "Demo: vulnerability recorded with consent", "demo", now);
            r.counts[3]++;
        } else if (flag < 33) {
            row(r.flag, authorityId, partyId, "DECEASED", LocalDate.of(2025, 1, 1).plusDays(random.nextInt(500)), null, null, "demo", now);
            r.counts[3]++;
        } else if (flag < 35) {
            row(r.flag, authorityId, partyId, "INSOLVENT", LocalDate.of(2024, 6, 1).plusDays(random.nextInt(600)), null,
                    "Demo: bankruptcy order", "demo", now);
            r.counts[3]++;
        }
        return partyId;
    }

    private long account(Rows r, RevenueStream stream, @Nullable Long propertyId, LocalDate start, long[] liable) {
        long accountId = nextAccount++;
        row(r.account, authorityId, accountId, AccountReference.of(council.referencePrefix(), stream, accountId).value(), stream.name(),
                propertyId, start, null, "OPEN", now);
        r.counts[4]++;
        for (long partyId : liable) {
            row(r.accountParty, authorityId, accountId, partyId);
            r.counts[5]++;
        }
        return accountId;
    }

    /** The published band charge for the year, by day for a liability that began during it; most households paid it. */
    private void chargeCouncilTax(Rows r, long accountId, CouncilTaxBand band, LocalDate start) {
        Money annual = charges.get(band);
        if (annual == null || start.isAfter(chargedYear.end())) {
            return;   // no published figure for this council and year: billing charges it later
        }
        LocalDate from = start.isAfter(chargedYear.start()) ? start : chargedYear.start();
        int days = (int) (chargedYear.end().toEpochDay() - from.toEpochDay() + 1);
        Money charge = annual.times(days, chargedYear.lengthInDays(), RoundingMode.HALF_UP);
        ledger(r, accountId, chargedYear, "CHARGE", charge.pence(), from, from, "Council Tax " + chargedYear + " band " + band);
        int behaviour = random.nextInt(100);
        long paid = behaviour < 90 ? charge.pence() : behaviour < 97 ? charge.pence() * (20 + random.nextInt(70)) / 100 : 0;
        if (paid > 0) {
            ledger(r, accountId, chargedYear, "PAYMENT", -paid, chargedYear.end().minusDays(random.nextInt(60)), null, "Payments received");
        }
    }

    private void ledger(Rows r, long accountId, FinancialYear year, String type, long pence, LocalDate on, @Nullable LocalDate due, String why) {
        row(r.ledger, authorityId, accountId, year.startYear(), type, pence, on, due, now, "demo", why);
        r.counts[6]++;
    }

    private CouncilTaxBand band() {
        int roll = random.nextInt(100);
        int[] share = council.bandPercent();
        for (int b = 0; b < share.length; b++) {
            roll -= share[b];
            if (roll < 0) {
                return CouncilTaxBand.values()[b];
            }
        }
        return CouncilTaxBand.A;
    }

    /** Most rateable values are small (small business rate relief territory); a few are large. */
    private long rateableValue() {
        int roll = random.nextInt(100);
        long pounds = roll < 55 ? 2_000 + random.nextInt(10_000) : roll < 70 ? 12_000 + random.nextInt(3_000)
                : roll < 90 ? 15_000 + random.nextInt(36_000) : 51_000 + random.nextInt(600_000);
        return pounds * 100;
    }

    private LocalDate moveInDate() {
        return random.nextInt(100) < 92 ? LocalDate.of(1993, 4, 1).plusDays(random.nextInt(11_687))      // to 31 March 2025
                : LocalDate.of(2025, 4, 1).plusDays(random.nextInt(540));
    }

    private String postcode() {
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return pick(council.postcodeDistricts()) + " " + random.nextInt(10) + letters.charAt(random.nextInt(letters.length()))
                + letters.charAt(random.nextInt(letters.length()));
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** Appends one row in COPY text format. Generated values never hold tabs, newlines or backslashes. */
    private static void row(StringBuilder sb, @Nullable Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            sb.append(values[i] == null ? "\\N" : values[i].toString());
        }
        sb.append('\n');
    }
}
