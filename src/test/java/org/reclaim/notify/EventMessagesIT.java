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

    private Account billed(TestData data, BillingAuthority council, FinancialYear year, String phone) {
        Account a = data.account(council).liable(data.person(council).phone(phone).create())
                .property(data.dwelling(council).band(CouncilTaxBand.D).create()).from(LocalDate.of(2020, 6, 1)).open();
        billing.bill(a.reference(), year, LocalDate.of(year.startYear(), 3, 5), "Annual bill", CouncilTaxCircumstances.NONE,
                new Bills.PlanChoice("TEN_MONTHLY", 1));
        return a;
    }
}
