package org.reclaim.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.parties.Party;
import org.reclaim.properties.Property;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class AccountsApiIT {

    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;

    TestData data;

    @BeforeEach
    void setUp() {
        data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Accounts API Test Council").create();
        }
    }

    private ResultActions asOfficer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic("officer", "reclaim-demo")));
    }

    private ResultActions postJson(String url, String json) throws Exception {
        return asOfficer(post(url).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private void charge(Account account, long pence, LocalDate on) {
        ledger.post(Posting.of(account.reference(), FinancialYear.containing(on), EntryType.CHARGE, Money.ofPence(pence), on, "charge"));
    }

    private void pay(Account account, long pence, LocalDate on) {
        ledger.post(Posting.of(account.reference(), FinancialYear.containing(on), EntryType.PAYMENT, Money.ofPence(-pence), on, "payment"));
    }

    // ------------------------------------------------------------------ reading

    @Test
    void readsTheWholeAccount() throws Exception {
        Party jane = data.person(council).title("Mrs").forenames("Jane").surname(TestData.uniqueWord("Readwell")).create();
        Party john = data.person(council).forenames("John").surname(jane.surname()).create();
        Property home = data.dwelling(council).addressLine1("12 Station Road").postcode("le18 2dr").create();
        Account account = data.account(council).liable(jane, john).property(home).from(LocalDate.of(2024, 4, 1)).open();
        charge(account, 150_000, LocalDate.of(2024, 4, 1));
        pay(account, 40_000, LocalDate.of(2024, 5, 1));
        charge(account, 160_000, LocalDate.of(2025, 4, 1));
        // a debit due far in the future is part of the balance but not of the arrears
        ledger.post(Posting.of(account.reference(), FinancialYear.of(2025), EntryType.CHARGE, Money.ofPence(5_000),
                LocalDate.of(2025, 4, 1), "not yet due").dueOn(LocalDate.of(2099, 1, 1)));

        asOfficer(get("/api/v1/accounts/{ref}", account.reference().value()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.reference").value(account.reference().value()))
                .andExpect(jsonPath("$.stream").value("COUNCIL_TAX"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.authority.gssCode").value(council.gssCode()))
                .andExpect(jsonPath("$.authority.name").value(council.name()))
                .andExpect(jsonPath("$.parties", hasSize(2)))
                .andExpect(jsonPath("$.parties[*].name", contains("Mrs Jane " + jane.surname(), "John " + jane.surname())))
                .andExpect(jsonPath("$.parties[*].id", contains((int) jane.id(), (int) john.id())))
                .andExpect(jsonPath("$.property.uprn").value(home.uprn()))
                .andExpect(jsonPath("$.property.addressLine1").value("12 Station Road"))
                .andExpect(jsonPath("$.property.postcode").value("LE18 2DR"))
                .andExpect(jsonPath("$.liabilityStart").value("2024-04-01"))
                .andExpect(jsonPath("$.balancePence").value(275_000))
                .andExpect(jsonPath("$.arrearsPence").value(270_000))
                .andExpect(jsonPath("$.years[*].financialYear", contains("2024/25", "2025/26")))
                .andExpect(jsonPath("$.years[*].balancePence", contains(110_000, 165_000)))
                .andExpect(jsonPath("$.years[*].arrearsPence", contains(110_000, 160_000)));
    }

    @Test
    void readsAnAccountWithoutAProperty() throws Exception {
        Account account = data.account(council).stream(RevenueStream.HB_OVERPAYMENT).open();
        asOfficer(get("/api/v1/accounts/{ref}", account.reference().value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(account.reference().value()))
                .andExpect(jsonPath("$.stream").value("HB_OVERPAYMENT"))
                .andExpect(jsonPath("$.property").doesNotExist())
                .andExpect(jsonPath("$.balancePence").value(0))
                .andExpect(jsonPath("$.arrearsPence").value(0))
                .andExpect(jsonPath("$.years", hasSize(0)));
    }

    @Test
    void aReferenceMayBeTypedWithSpacesOrHyphens() throws Exception {
        Account account = data.account(council).open();
        String r = account.reference().value();
        String typed = r.substring(0, 2) + "-" + r.substring(2, 3) + "-" + r.substring(3, 11) + "-" + r.substring(11);
        asOfficer(get("/api/v1/accounts/{ref}", typed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(r));
    }

    @Test
    void listsTheTransactionsWithARunningBalance() throws Exception {
        Account account = data.account(council).open();
        charge(account, 120_000, LocalDate.of(2024, 4, 1));
        pay(account, 10_000, LocalDate.of(2024, 4, 15));
        ledger.post(Posting.of(account.reference(), FinancialYear.of(2024), EntryType.COSTS, Money.ofPence(7_000),
                LocalDate.of(2024, 6, 1), "summons costs"));
        pay(account, 50_000, LocalDate.of(2024, 7, 1));

        asOfficer(get("/api/v1/accounts/{ref}/transactions", account.reference().value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(4)))
                .andExpect(jsonPath("$[*].type", contains("CHARGE", "PAYMENT", "COSTS", "PAYMENT")))
                .andExpect(jsonPath("$[*].amountPence", contains(120_000, -10_000, 7_000, -50_000)))
                .andExpect(jsonPath("$[*].balancePence", contains(120_000, 110_000, 117_000, 67_000)))
                .andExpect(jsonPath("$[0].financialYear").value("2024/25"))
                .andExpect(jsonPath("$[0].effectiveOn").value("2024-04-01"))
                .andExpect(jsonPath("$[0].dueOn").value("2024-04-01"))
                .andExpect(jsonPath("$[1].dueOn").doesNotExist())
                .andExpect(jsonPath("$[2].description").value("summons costs"))
                .andExpect(jsonPath("$[0].postedBy").value("system"));
    }

    // ------------------------------------------------------------------ search

    @Test
    void searchFindsAnAccountByEverythingACallerMightGive() throws Exception {
        String surname = TestData.uniqueWord("Findme");
        String street = TestData.uniqueWord("Searchable");
        String postcode = TestData.uniquePostcode();   // e.g. "QX47 3JW"
        Party party = data.person(council).forenames("Harriet").surname(surname).create();
        Property home = data.dwelling(council).addressLine1("27 " + street + " Lane").postcode(postcode).create();
        Account account = data.account(council).liable(party).property(home).open();
        String ref = account.reference().value();
        String compactPostcode = postcode.replace(" ", "");

        for (String q : List.of(
                ref,                                                        // the reference
                ref.substring(0, 4) + " " + ref.substring(4, 8) + " " + ref.substring(8),
                surname,                                                    // the surname
                surname.toUpperCase(),
                surname.substring(0, 10),                                   // the start of it
                "Harriet " + surname,                                       // forename and surname
                "H " + surname,                                             // initial and surname
                postcode,                                                   // the postcode, any spacing or case
                compactPostcode.toLowerCase(),
                compactPostcode.substring(0, compactPostcode.length() - 3) + "   " + compactPostcode.substring(compactPostcode.length() - 3).toLowerCase(),
                String.valueOf(home.uprn()),                                // the UPRN
                "27 " + street,                                             // the start of address line 1
                ("27 " + street).toUpperCase().substring(0, 12))) {
            asOfficer(get("/api/v1/accounts").param("q", q))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].reference", hasItem(ref)));
        }
    }

    @Test
    void searchHitsSayWhoAndWhere() throws Exception {
        String surname = TestData.uniqueWord("Hitwell");
        Party party = data.person(council).forenames("Sam").surname(surname).create();
        Property home = data.dwelling(council).addressLine1("3 Hit Street").town("Hitbury").create();
        Account account = data.account(council).liable(party).property(home).open();

        asOfficer(get("/api/v1/accounts").param("q", surname))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].reference").value(account.reference().value()))
                .andExpect(jsonPath("$[0].stream").value("COUNCIL_TAX"))
                .andExpect(jsonPath("$[0].authorityCode").value(council.gssCode()))
                .andExpect(jsonPath("$[0].names").value("Sam " + surname))
                .andExpect(jsonPath("$[0].address").value("3 Hit Street, Hitbury"))
                .andExpect(jsonPath("$[0].postcode").value(home.postcode()));
    }

    @Test
    void searchDoesNotReturnOtherPeoplesAccounts() throws Exception {
        Account mine = data.account(council).liable(data.person(council).forenames("Olive").surname(TestData.uniqueWord("Mine")).create()).open();
        Account theirs = data.account(council).open();
        String surname = data.person(council).create().surname();   // a person with no account

        asOfficer(get("/api/v1/accounts").param("q", mine.reference().value()))
                .andExpect(jsonPath("$[*].reference", contains(mine.reference().value())));
        asOfficer(get("/api/v1/accounts").param("q", surname))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        asOfficer(get("/api/v1/accounts").param("q", "Olive " + TestData.uniqueWord("Nobody")))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        asOfficer(get("/api/v1/accounts").param("q", "Zelda " + accountsSurname(mine)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].reference", not(hasItem(mine.reference().value()))))
                .andExpect(jsonPath("$[*].reference", not(hasItem(theirs.reference().value()))));
    }

    private String accountsSurname(Account account) {
        return jdbc.sql("select surname from party where id = ?").param(account.liablePartyIds().get(0)).query(String.class).single();
    }

    /**
     * A UPRN has up to 12 digits (OS AddressBase), and most UPRNs issued in England have 12 (e.g. 100030000000). Such
     * a UPRN must be found by the search like any other, not refused as a mistyped account reference.
     */
    @Test
    void searchFindsATwelveDigitUprn() throws Exception {
        long uprn = twelveDigitUprnThatIsNotAReference();
        Property home = data.dwelling(council).uprn(uprn).create();
        Account account = data.account(council).property(home).open();

        asOfficer(get("/api/v1/accounts").param("q", String.valueOf(uprn)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].reference", hasItem(account.reference().value())));
    }

    private static long twelveDigitUprnThatIsNotAReference() {
        while (true) {
            long uprn = 100_000_000_000L + TestData.uniqueUprn() % 900_000_000_000L;
            try {
                AccountReference.parse(String.valueOf(uprn));
            } catch (IllegalArgumentException notAReference) {
                return uprn;
            }
        }
    }

    @Test
    void searchNeedsAtLeastTwoCharacters() throws Exception {
        asOfficer(get("/api/v1/accounts").param("q", " x "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("q"));
    }

    /** Every API error names its field (ApiExceptionHandler's contract), a missing search term too. */
    @Test
    void aSearchWithoutAQueryNamesTheMissingParameter() throws Exception {
        asOfficer(get("/api/v1/accounts"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("q"))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    // ------------------------------------------------------------------ mistyped and unknown references

    static Stream<Arguments> mistypings() {
        return Stream.of(
                Arguments.of("one digit changed in the number", (Mistype) r -> changeDigit(r, 7)),
                Arguments.of("one digit changed in the prefix", (Mistype) r -> changeDigit(r, 0)),
                Arguments.of("the check digit changed", (Mistype) r -> changeDigit(r, 11)),
                Arguments.of("two adjacent digits swapped in the number", (Mistype) r -> swapAdjacent(r, 3)),
                Arguments.of("two adjacent digits swapped at the end", (Mistype) r -> swapAdjacent(r, 10)),
                Arguments.of("two adjacent digits swapped at the start", (Mistype) r -> swapAdjacent(r, 0)));
    }

    interface Mistype {
        String apply(String reference);
    }

    private static String changeDigit(String r, int at) {
        char c = r.charAt(at);
        char other = (char) ('0' + (c - '0' + 3) % 10);
        return r.substring(0, at) + other + r.substring(at + 1);
    }

    /** Swaps the digits at {@code at} and the next, moving on until they differ (a swap of equal digits is no error). */
    private static String swapAdjacent(String r, int at) {
        int i = at;
        while (r.charAt(i) == r.charAt(i + 1)) {
            i = (i + 1) % (r.length() - 1);
        }
        char[] c = r.toCharArray();
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistypings")
    void aMistypedReferenceIsRefusedAsSuchByReadAndSearch(String what, Mistype mistype) throws Exception {
        Account account = data.account(council).open();
        String wrong = mistype.apply(account.reference().value());
        assertThat(wrong).isNotEqualTo(account.reference().value());

        asOfficer(get("/api/v1/accounts/{ref}", wrong))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.field").value("reference"))
                .andExpect(jsonPath("$.errors[0].field").value("reference"))
                .andExpect(jsonPath("$.errors[0].message", containsString("check digit")))
                .andExpect(jsonPath("$.detail", containsString("check digit")));
        asOfficer(get("/api/v1/accounts/{ref}/transactions", wrong))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("reference"));
        asOfficer(get("/api/v1/accounts").param("q", wrong))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("q"))
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.errors[0].message", containsString("check digit")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1234567890123", "abcdefghijkl"})
    void somethingThatIsNotAReferenceIsRefused(String notAReference) throws Exception {
        asOfficer(get("/api/v1/accounts/{ref}", notAReference))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("reference"));
    }

    @Test
    void aValidButUnknownReferenceIsNotFound() throws Exception {
        // this council's prefix, an account number far beyond any opened in a test
        AccountReference unknown = AccountReference.of(council.referencePrefix(), RevenueStream.COUNCIL_TAX, 99_999_998L);
        asOfficer(get("/api/v1/accounts/{ref}", unknown.value()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail", containsString(unknown.value())));
        asOfficer(get("/api/v1/accounts").param("q", unknown.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void aReferenceOfAnAuthorityThatIsNotHereIsNotFound() throws Exception {
        int unusedPrefix = 10;
        while (jdbc.sql("select exists (select 1 from billing_authority where reference_prefix = ?)").param(unusedPrefix)
                .query(Boolean.class).single()) {
            unusedPrefix++;
        }
        AccountReference elsewhere = AccountReference.of(unusedPrefix, RevenueStream.BUSINESS_RATES, 1);
        asOfficer(get("/api/v1/accounts/{ref}", elsewhere.value()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    // ------------------------------------------------------------------ opening

    private String openRequest(String stream, List<Long> partyIds, Long propertyId, String start, String end) {
        return """
                {"authorityCode": "%s", "stream": "%s", "liablePartyIds": %s, "propertyId": %s,
                 "liabilityStart": "%s", "liabilityEnd": %s}"""
                .formatted(council.gssCode(), stream, partyIds, propertyId, start, end == null ? "null" : "\"" + end + "\"");
    }

    @Test
    void opensAnAccount() throws Exception {
        Party party = data.person(council).create();
        Property home = data.dwelling(council).create();

        String body = postJson("/api/v1/accounts", openRequest("COUNCIL_TAX", List.of(party.id()), home.id(), "2025-04-01", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stream").value("COUNCIL_TAX"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.authority.gssCode").value(council.gssCode()))
                .andExpect(jsonPath("$.parties[0].id").value(party.id()))
                .andExpect(jsonPath("$.property.id").value(home.id()))
                .andExpect(jsonPath("$.liabilityStart").value("2025-04-01"))
                .andExpect(jsonPath("$.balancePence").value(0))
                .andReturn().getResponse().getContentAsString();

        AccountReference reference = AccountReference.parse(JsonPath.read(body, "$.reference"));
        assertThat(reference.authorityPrefix()).isEqualTo(council.referencePrefix());
        assertThat(reference.stream()).isEqualTo(RevenueStream.COUNCIL_TAX);
        asOfficer(get("/api/v1/accounts/{ref}", reference.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parties[0].name").value("Alex " + party.surname()));
    }

    static Stream<Arguments> badOpenRequests() {
        // placeholders: PARTY (a customer of the council), OTHER_PARTY (of another council), DWELLING, SHOP, GSS
        return Stream.of(
                Arguments.of("no liable customer", "liablePartyIds",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "propertyId": DWELLING, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("an empty list of liable customers", "liablePartyIds",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": [], "propertyId": DWELLING, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("an unknown customer", "liablePartyIds[1]",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": [PARTY, 999999999], "propertyId": DWELLING, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("another council's customer", "liablePartyIds[0]",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": [OTHER_PARTY], "propertyId": DWELLING, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("the same customer twice", "liablePartyIds",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": [PARTY, PARTY], "propertyId": DWELLING, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("liability ending before it starts", "liabilityEnd",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": [PARTY], "propertyId": DWELLING, "liabilityStart": "2025-04-01", "liabilityEnd": "2025-03-31"}"""),
                Arguments.of("business rates on a dwelling", "propertyId",
                        """
                        {"authorityCode": "GSS", "stream": "BUSINESS_RATES", "liablePartyIds": [PARTY], "propertyId": DWELLING, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("council tax on a shop", "propertyId",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": [PARTY], "propertyId": SHOP, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("council tax without a property", "propertyId",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": [PARTY], "liabilityStart": "2025-04-01"}"""),
                Arguments.of("an unknown property", "propertyId",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": [PARTY], "propertyId": 999999999, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("an unknown stream", "stream",
                        """
                        {"authorityCode": "GSS", "stream": "WATER_RATES", "liablePartyIds": [PARTY], "propertyId": DWELLING, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("no stream", "stream",
                        """
                        {"authorityCode": "GSS", "liablePartyIds": [PARTY], "propertyId": DWELLING, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("a start that is not a date", "liabilityStart",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": [PARTY], "propertyId": DWELLING, "liabilityStart": "not-a-date"}"""),
                Arguments.of("no start", "liabilityStart",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": [PARTY], "propertyId": DWELLING}"""),
                Arguments.of("a customer id that is not a number", "liablePartyIds[0]",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": ["Jane"], "propertyId": DWELLING, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("a malformed authority code", "authorityCode",
                        """
                        {"authorityCode": "Oadby", "stream": "COUNCIL_TAX", "liablePartyIds": [PARTY], "propertyId": DWELLING, "liabilityStart": "2025-04-01"}"""),
                Arguments.of("malformed JSON", "body",
                        """
                        {"authorityCode": "GSS", "stream": "COUNCIL_TAX", "liablePartyIds": [PARTY"""),
                Arguments.of("no body at all", "body", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOpenRequests")
    void aBadRequestToOpenAnAccountNamesTheFieldAndWritesNothing(String what, String field, String template) throws Exception {
        Party party = data.person(council).create();
        BillingAuthority otherCouncil = otherCouncil();
        Party otherParty = data.person(otherCouncil).create();
        Property dwelling = data.dwelling(council).create();
        Property shop = data.nonDomestic(council).create();
        String json = template.replace("OTHER_PARTY", String.valueOf(otherParty.id())).replace("PARTY", String.valueOf(party.id()))
                .replace("DWELLING", String.valueOf(dwelling.id())).replace("SHOP", String.valueOf(shop.id()))
                .replace("GSS", council.gssCode());
        long accountsBefore = accountsOf(council);
        long auditBefore = changesRecordedFor(council);

        String body = postJson("/api/v1/accounts", json)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty())
                .andReturn().getResponse().getContentAsString();

        assertThat(body).doesNotContain("Exception", "\tat ", "org.reclaim", "tools.jackson", "trace");
        assertThat(accountsOf(council)).isEqualTo(accountsBefore);
        assertThat(jdbc.sql("select count(*) from account_party where authority_id = ? and party_id = ?")
                .params(council.id(), party.id()).query(Long.class).single()).isZero();
        assertThat(changesRecordedFor(council)).isEqualTo(auditBefore);
    }

    /**
     * A well-formed GSS code of a council that is not in this installation is bad input in the body, like an unknown
     * customer: 400 naming authorityCode and nothing written; not a 404, which says the URL (POST /api/v1/accounts) is missing.
     */
    @Test
    void anUnknownAuthorityInTheBodyIsABadRequestNamingTheField() throws Exception {
        Party party = data.person(council).create();
        postJson("/api/v1/accounts", """
                {"authorityCode": "W06999999", "stream": "HB_OVERPAYMENT", "liablePartyIds": [%d], "liabilityStart": "2025-04-01"}"""
                .formatted(party.id()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("authorityCode"));
        assertThat(jdbc.sql("select count(*) from account_party where party_id = ?").param(party.id()).query(Long.class).single()).isZero();
    }

    private static BillingAuthority other;

    private BillingAuthority otherCouncil() {
        if (other == null) {
            other = data.authority().name("Accounts API Other Council").create();
        }
        return other;
    }

    private long accountsOf(BillingAuthority authority) {
        return jdbc.sql("select count(*) from account where authority_id = ?").param(authority.id()).query(Long.class).single();
    }

    private long changesRecordedFor(BillingAuthority authority) {
        return jdbc.sql("select count(*) from access_audit where authority_id = ? and subject_type = 'ACCOUNT' and action = 'CHANGE'")
                .param(authority.id()).query(Long.class).single();
    }

    // ------------------------------------------------------------------ adjustments

    @Test
    void anOfficerPostsAnAdjustmentThatChangesTheBalance() throws Exception {
        Account account = data.account(council).open();
        charge(account, 100_000, LocalDate.of(2025, 4, 1));

        postJson("/api/v1/accounts/" + account.reference().value() + "/adjustments", """
                {"financialYear": "2025/26", "amountPence": -12500, "reason": "single person discount backdated",
                 "effectiveOn": "2025-05-01"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.type").value("ADJUSTMENT"))
                .andExpect(jsonPath("$.amountPence").value(-12_500))
                .andExpect(jsonPath("$.balancePence").value(87_500))
                .andExpect(jsonPath("$.financialYear").value("2025/26"))
                .andExpect(jsonPath("$.effectiveOn").value("2025-05-01"))
                .andExpect(jsonPath("$.postedBy").value("officer"))
                .andExpect(jsonPath("$.description").value("single person discount backdated"));

        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(87_500));
        asOfficer(get("/api/v1/accounts/{ref}", account.reference().value()))
                .andExpect(jsonPath("$.balancePence").value(87_500));
        asOfficer(get("/api/v1/accounts/{ref}/transactions", account.reference().value()))
                .andExpect(jsonPath("$[*].balancePence", contains(100_000, 87_500)));
    }

    @Test
    void aBadAdjustmentIsRefusedAndPostsNothing() throws Exception {
        Account account = data.account(council).open();
        charge(account, 10_000, LocalDate.of(2025, 4, 1));
        String url = "/api/v1/accounts/" + account.reference().value() + "/adjustments";

        postJson(url, """
                {"financialYear": "2025/26", "amountPence": 0, "reason": "nothing"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("amountPence"));
        postJson(url, """
                {"financialYear": "2025/27", "amountPence": 100, "reason": "bad year"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("financialYear"));
        postJson(url, """
                {"financialYear": "2025/26", "amountPence": 100, "reason": " "}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        postJson(url, """
                {"financialYear": "2025/26", "amountPence": "lots", "reason": "typo"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("amountPence"));
        postJson("/api/v1/accounts/" + changeDigit(account.reference().value(), 5) + "/adjustments", """
                {"financialYear": "2025/26", "amountPence": 100, "reason": "mistyped account"}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reference"));

        assertThat(ledger.balance(account)).isEqualTo(Money.ofPence(10_000));
        assertThat(ledger.entries(account)).hasSize(1);
    }

    @Test
    void inputThatOnceCrashedIsAClearBadRequest() throws Exception {
        // digits from another script look like digits to Character.isDigit but are not a reference
        asOfficer(get("/api/v1/accounts/{ref}", "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19\uFF10\uFF11\uFF12"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reference"));
        asOfficer(get("/api/v1/accounts").param("q", "- -"))   // only separators: no digits to read, so a name search that finds nothing
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        postJson("/api/v1/customers", """
                {"authorityCode": "%s", "kind": "PERSON", "surname": "Null", "contactPoints": [null]}""".formatted(council.gssCode()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("contactPoints[0]"));
    }

    @Test
    void searchesByTheStartOfAPostcode() throws Exception {
        Account account = data.account(council).open();
        String postcode = jdbc.sql("select p.postcode from property p join account a on a.authority_id = p.authority_id and a.property_id = p.id "
                + "where a.authority_id = ? and a.id = ?").params(account.authorityId(), account.id()).query(String.class).single();
        String outward = postcode.substring(0, postcode.indexOf(' '));
        for (String q : new String[] {postcode, outward.toLowerCase(), postcode.substring(0, postcode.length() - 2)}) {
            asOfficer(get("/api/v1/accounts").param("q", q))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].postcode", everyItem(startsWith(outward + " "))));
        }
        asOfficer(get("/api/v1/accounts").param("q", postcode.substring(0, postcode.length() - 2)))
                .andExpect(jsonPath("$[*].reference", hasItem(account.reference().value())));
    }
}
