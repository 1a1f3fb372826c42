package org.reclaim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.LedgerEntry;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class RentDebitsIT {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired Ledger ledger;

    private ResultActions run(BillingAuthority council, String monday, String user) throws Exception {
        return mvc.perform(post("/api/v1/rent-debits").param("authority", council.gssCode()).param("weekStarting", monday)
                .with(httpBasic(user, "reclaim-demo")));
    }

    @Test
    void weeklyDebitsInAdvanceByDayForAPartWeekOnceEachAndNoneInARentFreeWeek() throws Exception {
        TestData data = TestData.from(context);
        BillingAuthority council = data.authority().name("Rent Test Council").create();
        var home = data.dwelling(council).weeklyRentPence(9_500L).create();
        // the dwelling builder has no service charge; the rent alone is £95.00 a week
        Account tenancy = data.account(council).stream(RevenueStream.HOUSING_RENT).property(home).from(LocalDate.of(2026, 4, 1)).open();

        // the tenancy starts on Wednesday 1 April: 5 of the 7 days of the week of 30 March, 9500 x 5/7 = 6785.7 -> 6786
        run(council, "2026-03-30", "teamleader").andExpect(status().isOk())
                .andExpect(jsonPath("$.tenancies").value(1)).andExpect(jsonPath("$.posted").value(1));
        run(council, "2026-04-06", "teamleader").andExpect(jsonPath("$.posted").value(1));
        run(council, "2026-04-06", "teamleader").andExpect(jsonPath("$.posted").value(0));   // a re-run posts nothing
        mvc.perform(put("/api/v1/authorities/{code}/rent-free-weeks/2026", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"weeks\": [\"2026-04-13\", \"2026-12-21\"]}"))
                .andExpect(status().isOk());
        run(council, "2026-04-13", "teamleader").andExpect(jsonPath("$.rentFree").value(true)).andExpect(jsonPath("$.posted").value(0));

        assertThat(ledger.entries(tenancy)).extracting(LedgerEntry::amount, LedgerEntry::dueOn).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Money.ofPence(6_786), LocalDate.of(2026, 3, 30)),
                org.assertj.core.groups.Tuple.tuple(Money.ofPence(9_500), LocalDate.of(2026, 4, 6)));

        run(council, "2026-04-08", "teamleader").andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("weekStarting"));
        run(council, "2026-04-20", "officer").andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/authorities/{code}/rent-free-weeks/2026", council.gssCode()).with(httpBasic("admin", "reclaim-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"weeks\": [\"2026-04-14\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("weeks[0]"));
    }
}
