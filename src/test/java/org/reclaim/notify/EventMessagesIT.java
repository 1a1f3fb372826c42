package org.reclaim.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.authorities.PreceptorKind;
import org.reclaim.billing.Bills;
import org.reclaim.billing.CouncilTaxBilling;
import org.reclaim.billing.CouncilTaxCircumstances;
import org.reclaim.recovery.HoldType;
import org.reclaim.recovery.Holds;
import org.reclaim.recovery.RecoveryRuns;
import org.reclaim.shared.CouncilTaxBand;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The day's event messages: a text about each reminder the recovery run issued, with the notice's amount, once; none to
 * a customer whose breathing space began after the notice (SI 2020/1311 reg 7); and a template asking for a field the
 * event cannot fill is named rather than sent half-empty.
 */
@IntegrationTest
class EventMessagesIT {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Templates templates;
    @Autowired Notifications notifications;
    @Autowired CouncilTaxBilling billing;
    @Autowired RecoveryRuns runs;
    @Autowired Holds holds;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired EventMessages eventMessages;
    @Autowired Ledger ledger;
    @Autowired ChannelPreferences preferences;
    @Autowired Personalisation personalisation;

    @Test
    void eachReminderIssuedIsTextedOnceAndNotToACustomerInBreathingSpace() throws Exception {
        TestData data = TestData.from(context);
        LocalDate today = LocalDate.now(clock);
        FinancialYear year = FinancialYear.containing(today);
        BillingAuthority council = data.authority().name("Event Messages Council").create();
        context.getBean(Authorities.class).replacePrecepts(council.id(), year, List.of(
                new Authorities.PreceptSetting("Test County Council", PreceptorKind.COUNTY_COUNCIL, Money.ofPence(200000), "test", null),
                new Authorities.PreceptSetting("Event Messages Council", PreceptorKind.BILLING_AUTHORITY, Money.ofPence(33002), "test", null)));
        Account texted = billed(data, council, year, "07700 900101");
        Account breathing = billed(data, council, year, "07700 900102");
        UUID sms = UUID.randomUUID();
        templates.set(council, "RECOVERY_REMINDER_1", Channel.SMS, sms.toString(), List.of("name", "account_reference", "amount"), "reminder text");
        templates.set(council, "RECOVERY_REMINDER_1", Channel.EMAIL, UUID.randomUUID().toString(), List.of("name", "due_date"), "reminder email");

        runs.run(council, today, false);
        long reminded = jdbc.sql("select amount_pence from recovery_action where authority_id = ? and account_id = ? and code = 'REMINDER_1'")
                .params(council.id(), texted.id()).query(Long.class).single();
        // the breathing space begins after the notice went, before the text does
        holds.place(breathing, HoldType.BREATHING_SPACE_STANDARD, today, null, null, "Insolvency Service notice");

        for (int run = 1; run <= 2; run++) {
            mvc.perform(MockMvcRequestBuilders.post("/api/v1/notify/event-messages").param("authority", council.gssCode())
                            .param("date", today.toString()).with(httpBasic("teamleader", "reclaim-demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.queued").value(run == 1 ? 1 : 0))
                    .andExpect(jsonPath("$.suppressed").value(run == 1 ? 1 : 0))
                    .andExpect(jsonPath("$.repeated").value(run == 1 ? 0 : 2))
                    .andExpect(jsonPath("$.notSent[0]").value(org.hamcrest.Matchers.containsString("asks for due_date")));
        }

        List<Message> messages = notifications.of(texted);
        assertThat(messages).hasSize(1);
        Message text = messages.get(0);
        assertThat(text.channel()).isEqualTo(Channel.SMS);
        assertThat(text.eventCode()).isEqualTo("RECOVERY_REMINDER_1");
        assertThat(text.templateId()).isEqualTo(sms);
        assertThat(text.state()).isEqualTo(Message.State.QUEUED);
        assertThat(text.personalisation()).containsEntry("account_reference", texted.reference().value())
                .containsEntry("amount", Money.ofPence(reminded).toString()).containsKey("name").hasSize(3);
        assertThat(notifications.of(breathing)).singleElement().satisfies(m -> {
            assertThat(m.state()).isEqualTo(Message.State.SUPPRESSED);
            assertThat(m.reason()).containsIgnoringCase("breathing space");
        });
    }

    /**
     * The run decides a thousand messages at once; each must come out as {@link Notifications#queue} makes it alone: the
     * same state, reason and personalisation for a customer in a mental health crisis moratorium, one opted out of texts,
     * one with no phone number, and two joint customers who may be texted.
     */
    @Test
    void eachMessageIsAsTheSingleQueueMakesIt() {
        TestData data = TestData.from(context);
        LocalDate today = LocalDate.now(clock);
        LocalDate day = LocalDate.of(2041, 5, 20);
        BillingAuthority council = data.authority().name("Event Suppression Council").create();
        templates.set(council, "RECOVERY_REMINDER_1", Channel.SMS, UUID.randomUUID().toString(), List.of("name", "amount", "authority_name"), "text");
        Account crisis = reminded(data, council, day, 10_000, data.person(council).phone("07700 900111").create());
        holds.place(crisis, HoldType.BREATHING_SPACE_MENTAL_HEALTH, today.minusDays(3), null, today.plusDays(30), "AMHP evidence");
        Account optedOut = reminded(data, council, day, 20_000, data.person(council).phone("07700 900112").create());
        preferences.set(optedOut.liablePartyIds().get(0), Channel.SMS, true, "asked on the phone");
        Account noPhone = reminded(data, council, day, 30_000, data.person(council).email("no.phone@example.org").create());
        Account joint = reminded(data, council, day, 123_456_78, data.person(council).phone("07700 900113").create(),
                data.person(council).phone("07700 900114").create());

        EventMessages.Result result = eventMessages.queueForDay(council, day);

        assertThat(result.queued()).isEqualTo(2);
        assertThat(result.suppressed()).isEqualTo(3);
        assertThat(result.notSent()).isEmpty();
        for (Account account : List.of(crisis, optedOut, noPhone, joint)) {
            long amount = jdbc.sql("select amount_pence from recovery_action where authority_id = ? and account_id = ?")
                    .params(council.id(), account.id()).query(Long.class).single();
            for (Message bulk : notifications.of(account)) {
                Message single = notifications.queue(account, bulk.partyId(), "RECOVERY_REMINDER_1", Channel.SMS,
                        personalisation.values(council, new Personalisation.Target(account.reference().value(), bulk.partyId(), null, amount)),
                        "single:" + bulk.id()).orElseThrow().message();
                assertThat(bulk.state()).isEqualTo(single.state());
                assertThat(bulk.reason()).isEqualTo(single.reason());
                assertThat(bulk.personalisation()).isEqualTo(single.personalisation());
                assertThat(bulk.templateId()).isEqualTo(single.templateId());
            }
        }
        assertThat(notifications.of(joint)).hasSize(4).allSatisfy(m -> assertThat(m.personalisation()).containsEntry("amount", "£123,456.78"));
        assertThat(notifications.of(crisis).get(0).reason()).contains("BREATHING_SPACE_MENTAL_HEALTH");
        assertThat(notifications.of(optedOut).get(0).reason()).isEqualTo("the customer opted out of text messages");
        assertThat(notifications.of(noPhone).get(0).reason()).isEqualTo("no phone number is held for the customer");
    }

    /** An arrangement's payment due tomorrow is texted today with its amount and date, once, under the arrangement's key. */
    @Test
    void anArrangementPaymentDueTomorrowIsTextedTheDayBefore() throws Exception {
        TestData data = TestData.from(context);
        LocalDate today = LocalDate.now(clock);
        LocalDate tomorrow = today.plusDays(1);
        BillingAuthority council = data.authority().name("Event Arrangement Council").create();
        UUID sms = UUID.randomUUID();
        templates.set(council, EventMessages.ARRANGEMENT_PAYMENT_DUE, Channel.SMS, sms.toString(), List.of("name", "amount", "due_date"), "due text");
        Account a = data.account(council).liable(data.person(council).phone("07700 900121").create()).open();
        ledger.post(Posting.of(a.reference(), FinancialYear.containing(today), EntryType.CHARGE, Money.ofPence(50_000), today.minusDays(30), "arrears"));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/arrangements").with(httpBasic("officer", "reclaim-demo"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                                {"partyId": %d, "accounts": ["%s"], "instalmentPence": 12500, "frequency": "MONTHLY", "firstPaymentOn": "%s",
                                 "method": "BANK_TRANSFER", "madeAtFirstContact": true, "madeOn": "%s"}"""
                                .formatted(a.liablePartyIds().get(0), a.reference().value(), tomorrow, today)))
                .andExpect(status().isCreated());

        EventMessages.Result first = eventMessages.queueForDay(council, today);
        EventMessages.Result again = eventMessages.queueForDay(council, today);

        assertThat(first.queued()).isEqualTo(1);
        assertThat(again.queued()).isZero();
        assertThat(again.repeated()).isEqualTo(1);
        long arrangement = jdbc.sql("select id from arrangement where authority_id = ?").param(council.id()).query(Long.class).single();
        Message text = notifications.of(a).get(0);
        assertThat(text.templateId()).isEqualTo(sms);
        assertThat(text.personalisation()).containsEntry("amount", "£125.00")
                .containsEntry("due_date", tomorrow.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)))
                .hasSize(3);
        assertThat(jdbc.sql("select unique_key from notify_message where authority_id = ? and id = ?").params(council.id(), text.id())
                .query(String.class).single())
                .isEqualTo("event:arrangement-due:" + arrangement + ":" + tomorrow + ":SMS:" + a.liablePartyIds().get(0));
    }

    private Account reminded(TestData data, BillingAuthority council, LocalDate day, long amountPence, org.reclaim.parties.Party... liable) {
        Account a = data.account(council).liable(liable).property(data.dwelling(council).create()).from(LocalDate.of(2040, 4, 1)).open();
        jdbc.sql("""
                insert into recovery_action (authority_id, account_id, financial_year, code, issued_on, rule, amount_pence, issued_by, created_at)
                values (?, ?, 2040, 'REMINDER_1', ?, 'test', ?, 'test', now())""").params(council.id(), a.id(), day, amountPence).update();
        return a;
    }

    private Account billed(TestData data, BillingAuthority council, FinancialYear year, String phone) {
        Account a = data.account(council).liable(data.person(council).phone(phone).create())
                .property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2020, 6, 1)).open();
        billing.bill(a.reference(), year, LocalDate.of(year.startYear(), 3, 5), "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }
}
