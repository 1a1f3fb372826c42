package org.reclaim.directdebit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.accounts.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** With a modulus weight table configured, an account number that fails the check is refused and one that passes is VALID. */
@IntegrationTest
@TestPropertySource(properties = "reclaim.direct-debit.modulus-table=src/test/resources/directdebit/valacdos-sample.txt")
class DirectDebitModulusIT {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;

    @Test
    void anAccountNumberFailingTheModulusCheckIsRefused() throws Exception {
        TestData data = TestData.from(context);
        Account account = data.account(data.authority().name("Modulus Council").create()).from(LocalDate.of(2020, 4, 1)).open();
        String path = "/api/v1/accounts/" + account.reference().value() + "/direct-debit";
        // the specification's test case 29: 089999 66374959 fails modulus 10
        mvc.perform(post(path).with(httpBasic("officer", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"payerName\": \"A Payer\", \"sortCode\": \"08-99-99\", \"accountNumber\": \"66374959\", \"guaranteeShown\": true}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("accountNumber"));
        // test case 1: 089999 66374958 passes
        mvc.perform(post(path).with(httpBasic("officer", "reclaim-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"payerName\": \"A Payer\", \"sortCode\": \"08-99-99\", \"accountNumber\": \"66374958\", \"guaranteeShown\": true}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.bankDetailsCheck").value("VALID"));
    }
}
