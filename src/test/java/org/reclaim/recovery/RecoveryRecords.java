package org.reclaim.recovery;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.reclaim.accounts.Account;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What the recovery tests read back: an account's actions and its costs, and a path with the council's own costs. */
final class RecoveryRecords {

    /** A Council Tax path with costs as a council sets them (the shipped default has none), summons needing authorisation. */
    static final String PATH_WITH_COSTS = """
            {"graceDays": 0, "costsIfPaidBeforeHearing": "WITHDRAW", "reason": "Council's costs agreed with the court", "stages": [
              {"code": "REMINDER_1", "waitDays": 0, "needsAuthorisation": false, "inUse": true, "document": "CT_REMINDER_1"},
              {"code": "REMINDER_2", "waitDays": 0, "needsAuthorisation": false, "inUse": true, "document": "CT_REMINDER_2"},
              {"code": "FINAL_NOTICE", "waitDays": 14, "needsAuthorisation": false, "inUse": true, "document": "CT_FINAL_NOTICE"},
              {"code": "SUMMONS", "waitDays": 7, "costsPence": 7000, "needsAuthorisation": true, "inUse": true, "document": "CT_SUMMONS"},
              {"code": "LIABILITY_ORDER", "waitDays": 21, "costsPence": 5000, "needsAuthorisation": false, "inUse": true, "document": "CT_LO"}
            ]}""";

    private RecoveryRecords() {
    }

    /** Runs the recovery run for the date as a team leader, expects it to complete, and returns its id. */
    static long run(MockMvc mvc, BillingAuthority council, String date, boolean preview) throws Exception {
        String body = mvc.perform(post("/api/v1/recovery/runs").param("authority", council.gssCode()).param("date", date)
                        .param("preview", String.valueOf(preview)).with(httpBasic("teamleader", "reclaim-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED")).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    /** The account's actions in order, each as "CODE@issued-on". */
    static List<String> actions(JdbcClient jdbc, Account a) {
        return jdbc.sql("select code || '@' || issued_on from recovery_action where authority_id = ? and account_id = ? order by issued_on, id")
                .params(a.authorityId(), a.id()).query(String.class).list();
    }

    /** The recovery costs on the account's ledger, in pence. */
    static long costs(JdbcClient jdbc, Account a) {
        return jdbc.sql("select coalesce(sum(amount_pence), 0) from ledger_entry where authority_id = ? and account_id = ? and entry_type = 'COSTS'")
                .params(a.authorityId(), a.id()).query(Long.class).single();
    }
}
