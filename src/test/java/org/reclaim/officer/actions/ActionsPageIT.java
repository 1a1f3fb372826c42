package org.reclaim.officer.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.officer.BrowserSession;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.reclaim.support.AdvicePartner;
import org.reclaim.support.AdvicePartners;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The officer's action forms in Chromium: each lands where it should (the account's recovery timeline, its Direct
 * Debit, the customer's details), shows its errors against its fields, and is not offered to an auditor.
 */
@IntegrationTest
class ActionsPageIT {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired Holds holds;
    @Autowired Parties parties;
    @Autowired AdvicePartners partners;
    @Autowired Clock clock;

    private static BillingAuthority council;

    private TestData data() {
        TestData data = TestData.from(context);
        if (council == null) {
            council = data.authority().name("Actions Page Council").create();
        }
        return data;
    }

    private Account account() {
        TestData data = data();
        Party person = data.person(council).forenames("Wilhelmina").surname(TestData.uniqueWord("Ashdown")).create();
        return data.account(council).liable(person).open();
    }

    private List<String> timeline(Account account) {
        return jdbc.sql("select kind || ' ' || what from recovery_timeline where authority_id = ? and account_id = ? order by kind")
                .params(account.authorityId(), account.id()).query(String.class).list();
    }

    private static String ref(Account account) {
        return account.reference().value();
    }

    @Test
    void anOfficerRecordsAContactAndAMissingOutcomeIsShownAgainstItsField() {
        Account account = account();
        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.signIn("officer").go("/accounts/" + ref(account) + "/contacts/new").page();
            assertThat(page.textContent("h1")).isEqualTo("Record a contact");
            browser.screenshot("actions-contact");
            browser.assertAccessible();

            page.check("#channel");   // the first channel: phone
            page.check("#direction-2");   // the council contacted the customer
            page.fill("#notes", "Called about the reminder");
            page.click("#save");
            assertThat(page.textContent(".govuk-error-summary")).contains("Select the outcome of the contact");
            assertThat(page.getAttribute(".govuk-error-summary a", "href")).isEqualTo("#outcome");
            assertThat(page.textContent("#outcome-error")).contains("Select the outcome of the contact");
            assertThat(page.inputValue("#notes")).as("what was typed is kept").isEqualTo("Called about the reminder");
            assertThat(page.isChecked("#direction-2")).isTrue();
            browser.screenshot("actions-contact-errors");
            browser.assertAccessible();

            page.selectOption("#outcome", "PROMISE_TO_PAY");
            page.click("#save");
            assertThat(page.url()).endsWith("/accounts/" + ref(account));
            assertThat(page.textContent("#confirmation-message")).isEqualTo("Contact recorded: phone, outbound, promise to pay");
            assertThat(timeline(account)).containsExactly("CONTACT PHONE OUTBOUND PROMISE_TO_PAY");
            browser.assertNoPageProblems();
        }
    }

    @Test
    void anOfficerPlacesABreathingSpaceThatEndsAfterSixtyDaysAndEndsItEarly() {
        Account account = account();
        LocalDate today = LocalDate.now(clock);
        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.signIn("officer").go("/accounts/" + ref(account) + "/holds/new").page();
            assertThat(page.inputValue("#start-day")).as("starts today unless changed").isEqualTo(String.valueOf(today.getDayOfMonth()));
            assertThat(page.locator(".govuk-radios__input").count()).isEqualTo(8);
            browser.screenshot("actions-hold");
            browser.assertAccessible();

            // a mental health crisis breathing space has no end date known at its start: the recovery module asks for a review date
            page.check("#type-BREATHING_SPACE_MENTAL_HEALTH");
            page.fill("#reason", "Mental health crisis moratorium notified by the Insolvency Service");
            page.click("#save");
            assertThat(page.getAttribute(".govuk-error-summary a", "href")).isEqualTo("#review-day");
            assertThat(page.textContent(".govuk-error-summary")).contains("Enter a review date").doesNotContain("reviewOn");
            assertThat(page.textContent("#review-day-error")).contains("Enter a review date");
            browser.screenshot("actions-hold-errors");
            browser.assertAccessible();

            page.check("#type-BREATHING_SPACE_STANDARD");
            page.fill("#reason", "Standard breathing space BS-1234 notified by the Insolvency Service");
            page.click("#save");
            assertThat(page.textContent("#confirmation-message")).isEqualTo("Hold placed: breathing space standard from "
                    + say(today) + " to " + say(today.plusDays(59)));
            Holds.Hold hold = holds.of(account).get(0);
            assertThat(hold.type()).isEqualTo(HoldType.BREATHING_SPACE_STANDARD);
            assertThat(hold.endsOn()).as("SI 2020/1311 reg 26: 60 days").isEqualTo(today.plusDays(59));
            assertThat(timeline(account)).containsExactly("HOLD_PLACED BREATHING_SPACE_STANDARD");

            browser.go("/accounts/" + ref(account) + "/holds/" + hold.id() + "/end");
            assertThat(page.textContent("#hold")).contains("Breathing space standard").contains("BS-1234");
            page.click("#save");
            assertThat(page.textContent("#reason-error")).contains("Enter why the hold ends");
            browser.screenshot("actions-hold-end-errors");
            browser.assertAccessible();
            page.fill("#reason", "The debt adviser cancelled the breathing space");
            page.click("#save");
            assertThat(page.textContent("#confirmation-message")).isEqualTo("Hold ended: breathing space standard from " + say(today));
            assertThat(holds.of(account).get(0).endedOn()).isEqualTo(today);
            assertThat(timeline(account)).containsExactly("HOLD_ENDED BREATHING_SPACE_STANDARD", "HOLD_PLACED BREATHING_SPACE_STANDARD");
            // a hold the account does not have: the GOV.UK not-found page, not an error
            assertThat(page.navigate(page.url().replaceAll("/accounts/.*$", "") + "/accounts/" + ref(account) + "/holds/999999999/end")
                    .status()).isEqualTo(404);
            assertThat(page.textContent("h1")).isEqualTo("Not found");
        }
    }

    @Test
    void aReferralNeedsTheCustomersConsentAndAReferralToDebtAdviceHoldsRecovery() {
        Account account = account();
        String partnerName = TestData.uniqueWord("Wigston Debt Advice");
        AdvicePartner partner = partners.add(council.id(), new AdvicePartner.Details(partnerName, AdvicePartner.Kind.DEBT_ADVICE,
                "0116 000 0000", null, null, true)).partner();
        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.signIn("officer").go("/accounts/" + ref(account) + "/referrals/new").page();
            page.locator("label", new Page.LocatorOptions().setHasText(partnerName)).click();
            page.fill("#reason", "Several debts and a County Court claim");
            page.click("#save");
            assertThat(page.getAttribute(".govuk-error-summary a", "href")).isEqualTo("#consent");
            assertThat(page.textContent("#consent-error")).contains("Confirm the customer agrees to be referred");
            browser.screenshot("actions-referral-errors");
            browser.assertAccessible();

            page.check("#consent");
            page.click("#save");
            assertThat(page.textContent("#confirmation-message")).startsWith("Referred to " + partnerName + "; recovery held until ");
            assertThat(holds.of(account)).extracting(Holds.Hold::type).containsExactly(HoldType.DEBT_ADVICE);
            assertThat(timeline(account)).containsExactly("HOLD_PLACED DEBT_ADVICE", "REFERRAL DEBT_ADVICE");
            assertThat(jdbc.sql("select partner_id from advice_referral where authority_id = ? and account_id = ?")
                    .params(account.authorityId(), account.id()).query(Long.class).list()).containsExactly(partner.id());
            browser.go("/accounts/" + ref(account) + "/referrals/new");
            browser.screenshot("actions-referral");
            browser.assertAccessible();
        }
    }

    @Test
    void aDirectDebitOnThePhoneShowsABadSortCodeAgainstItsFieldAndNeverEchoesTheBankDetails() {
        Account account = account();
        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.signIn("officer").go("/accounts/" + ref(account) + "/direct-debit/new").page();
            assertThat(page.textContent("#guarantee-text")).contains("This Guarantee is offered by all banks and building societies")
                    .contains("10 working days in advance");
            browser.screenshot("actions-direct-debit");
            browser.assertAccessible();

            page.fill("#name", "W Ashdown");
            page.fill("#sort-code", "40-05");
            page.fill("#account-number", "87654321");
            page.check("#guarantee");
            page.click("#save");
            assertThat(page.getAttribute(".govuk-error-summary a", "href")).isEqualTo("#sort-code");
            assertThat(page.textContent("#sort-code-error")).contains("A sort code is 6 digits");
            assertThat(page.getAttribute("#sort-code", "class")).contains("govuk-input--error");
            browser.screenshot("actions-direct-debit-errors");
            browser.assertAccessible();
            assertThat(jdbc.sql("select count(*) from mandate where authority_id = ? and account_id = ?")
                    .params(account.authorityId(), account.id()).query(Long.class).single()).isZero();

            page.fill("#sort-code", "40-05-15");
            page.click("#save");
            assertThat(page.textContent("#confirmation-message")).isEqualTo("Direct Debit " + ref(account) + "-1 set up: sort code ending 15, "
                    + "account number ending 4321, collected on day 1 of the month");
            assertThat(page.content()).doesNotContain("87654321").doesNotContain("40-05-15");
            assertThat(jdbc.sql("select status from mandate where authority_id = ? and account_id = ?")
                    .params(account.authorityId(), account.id()).query(String.class).list()).containsExactly("SET_UP");
        }
    }

    @Test
    void anOfficerCorrectsAPhoneNumberAndTheOldOneIsKept() {
        Party person = data().person(council).forenames("Ottoline").surname(TestData.uniqueWord("Brackley"))
                .phone("0116 257 0000").email("o.brackley@example.com").create();
        try (BrowserSession browser = BrowserSession.open(port)) {
            Page page = browser.signIn("officer").go("/customers/" + person.id() + "/details/edit").page();
            assertThat(page.inputValue("#phone")).isEqualTo("0116 257 0000");
            browser.screenshot("actions-details");
            browser.assertAccessible();

            page.fill("#phone", "07700 900123");
            page.fill("#email", "not an email");
            page.fill("#reason", "The customer phoned with a new mobile number");
            page.click("#save");
            assertThat(page.getAttribute(".govuk-error-summary a", "href")).isEqualTo("#email");
            assertThat(page.textContent("#email-error")).contains("Email address must be an email address");
            browser.screenshot("actions-details-errors");
            browser.assertAccessible();

            page.fill("#email", "o.brackley@example.com");
            page.click("#save");
            assertThat(page.url()).endsWith("/customers/" + person.id());
        }
        assertThat(parties.get(person.id()).contactPoints()).extracting(Party.ContactPoint::value)
                .containsExactlyInAnyOrder("07700 900123", "o.brackley@example.com");
        assertThat(parties.contactChanges(person.id())).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Party.ContactKind.PHONE);
            assertThat(c.oldValue()).isEqualTo("0116 257 0000");
            assertThat(c.newValue()).isEqualTo("07700 900123");
            assertThat(c.reason()).isEqualTo("The customer phoned with a new mobile number");
            assertThat(c.changedBy()).isEqualTo("officer");
        });
    }

    /** The parties facade behind the details form (no browser): a repeat changes nothing, a missing address is added. */
    @Test
    void aCorrectionPostedTwiceIsMadeOnceAndAnAddressTheCustomerLackedIsAdded() {
        Party person = data().person(council).surname(TestData.uniqueWord("Quenby")).phone("0116 257 1111").create();
        Parties.ContactCorrection correction = new Parties.ContactCorrection("0116 257 1111", null, "4 Bell Street", null, "Wigston",
                "le18 1aa", "The customer moved; letters go to the new address");
        assertThat(parties.correctContactDetails(person.id(), correction)).containsExactly(Party.ContactKind.POSTAL);
        assertThat(parties.correctContactDetails(person.id(), correction)).as("the same again").isEmpty();
        assertThat(parties.contactChanges(person.id())).singleElement().satisfies(c -> {
            assertThat(c.oldValue()).isNull();
            assertThat(c.newValue()).isEqualTo("4 Bell Street, Wigston, LE18 1AA");
        });
        assertThat(parties.get(person.id()).contactPoints()).extracting(Party.ContactPoint::kind)
                .containsExactlyInAnyOrder(Party.ContactKind.PHONE, Party.ContactKind.POSTAL);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> parties.correctContactDetails(person.id(),
                        new Parties.ContactCorrection("07700 900999", null, null, null, null, "not a postcode", " ")))
                .isInstanceOf(org.reclaim.shared.InvalidInput.class)
                .satisfies(e -> assertThat(((org.reclaim.shared.InvalidInput) e).errors())
                        .extracting(org.reclaim.shared.InvalidInput.FieldError::field)
                        .containsExactly("reason", "addressLine1", "postcode"));
        assertThat(parties.get(person.id()).contactPoints()).as("nothing half-done").extracting(Party.ContactPoint::value)
                .contains("0116 257 1111");
    }

    @Test
    void anAuditorIsNotOfferedAnActionAndCannotPostOne() {
        Account account = account();
        try (BrowserSession browser = BrowserSession.open(port)) {
            browser.signIn("auditor");
            String base = browser.page().url().replaceAll("/[^/]*$", "");
            // the form posted anyway, with the auditor's own CSRF token (from the sign-out form every page has)
            Object status = browser.page().evaluate("""
                    async (path) => {
                      const token = document.querySelector('input[name="_csrf"]').value;
                      const body = new URLSearchParams({_csrf: token, channel: 'PHONE', direction: 'INBOUND', outcome: 'OTHER'});
                      return (await fetch(path, {method: 'POST', body: body, redirect: 'manual'})).status;
                    }""", "/accounts/" + ref(account) + "/contacts/new");
            assertThat(status).isEqualTo(403);
            com.microsoft.playwright.Response form = browser.page().navigate(base + "/accounts/" + ref(account) + "/contacts/new");
            assertThat(form.status()).isEqualTo(403);
            assertThat(browser.page().locator("#save").count()).isZero();
        }
        assertThat(timeline(account)).isEmpty();
    }

    private static String say(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
    }
}
