package org.reclaim.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.reclaim.TestData;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Telephony statistics: the import (all or nothing, bad lines named, idempotent), the settings with history, and the report by hand. */
@IntegrationTest
class TelephonyIT {

    private static final String PASSWORD = "reclaim-demo";
    private static BillingAuthority council;

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired CallAnsweringSettings settings;

    @BeforeEach
    void council() {
        if (council == null) {
            council = TestData.from(context).authority().name("Telephony Council").create();
        }
    }

    private ResultActions upload(String user, String name, String csv) throws Exception {
        return mvc.perform(multipart("/api/v1/telephony/intervals")
                .file(new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("authority", council.gssCode()).with(httpBasic(user, PASSWORD)));
    }

    /**
     * The sample, worked out by hand with the default settings (peak 1 March to 30 April; targets 82% peak, 86% otherwise):
     * <pre>
     * peak (2 March, 30 April)
     *   Business Rates  offered 12, answered 10, abandoned 2; 10 / 12 = 83.33…% -> 83.3, met 82
     *   Council Tax     offered 40 + 40 = 80, answered 33 + 32 = 65, abandoned 5 + 6 = 11; 65 / 80 = 81.25% -> 81.3 (half up), not met
     *                   (within SL: 30, only the first interval gives it)
     *   total           offered 92, answered 75, abandoned 13; 75 / 92 = 81.52…% -> 81.5, not met; within SL 30 + 9 = 39
     * off-peak (1 May)
     *   Business Rates  offered 25, answered 22, abandoned 1; 22 / 25 = 88.0%, met 86; within SL 20
     *   Council Tax     offered 50, answered 44, abandoned 4; 44 / 50 = 88.0%, met; within SL 40
     *   total           offered 75, answered 66, abandoned 5; 66 / 75 = 88.0%, met; within SL 60
     * all             offered 167, answered 141, abandoned 18; 141 / 167 = 84.43…% -> 84.4; within SL 99
     * </pre>
     */
    static final String SAMPLE = """
            Queue,Date,Time,Interval Minutes,Offered,Answered,Abandoned,Answered Within SL
            Council Tax,2026-03-02,09:00,30,40,33,5,30
            Council Tax,2026-03-02,09:30,30,40,32,6,
            Business Rates,30/04/2026,16:30,30,12,10,2,9
            Council Tax,2026-05-01,09:00,30,50,44,4,40
            Business Rates,2026-05-01,09:00,60,25,22,1,20
            """;

    private void sampleImported() throws Exception {
        upload("teamleader", "sample.csv", SAMPLE).andExpect(jsonPath("$.lines").value(5));
    }

    @Test
    void theReportOnTheSampleMatchesTheHandCalculation() throws Exception {
        sampleImported();
        mvc.perform(get("/api/v1/reports/call-answering").param("authority", council.gssCode()).param("from", "2026-03-01")
                        .param("to", "2026-05-31").with(httpBasic("auditor", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authority").value(council.gssCode()))
                .andExpect(jsonPath("$.peakPeriod").value("03-01 to 04-30"))
                .andExpect(jsonPath("$.rateRule").value(CallAnswering.RATE_RULE))
                .andExpect(jsonPath("$.peak.targetPercent").value(82.0))
                .andExpect(jsonPath("$.peak.queues.length()").value(2))
                .andExpect(jsonPath("$.peak.queues[0].queue").value("Business Rates"))
                .andExpect(jsonPath("$.peak.queues[0].offered").value(12)).andExpect(jsonPath("$.peak.queues[0].answered").value(10))
                .andExpect(jsonPath("$.peak.queues[0].abandoned").value(2))
                .andExpect(jsonPath("$.peak.queues[0].answerRatePercent").value(83.3)).andExpect(jsonPath("$.peak.queues[0].metTarget").value(true))
                .andExpect(jsonPath("$.peak.queues[1].queue").value("Council Tax"))
                .andExpect(jsonPath("$.peak.queues[1].offered").value(80)).andExpect(jsonPath("$.peak.queues[1].answered").value(65))
                .andExpect(jsonPath("$.peak.queues[1].abandoned").value(11)).andExpect(jsonPath("$.peak.queues[1].answeredWithinServiceLevel").value(30))
                .andExpect(jsonPath("$.peak.queues[1].answerRatePercent").value(81.3)).andExpect(jsonPath("$.peak.queues[1].metTarget").value(false))
                .andExpect(jsonPath("$.peak.total.queue").isEmpty())
                .andExpect(jsonPath("$.peak.total.offered").value(92)).andExpect(jsonPath("$.peak.total.answered").value(75))
                .andExpect(jsonPath("$.peak.total.abandoned").value(13)).andExpect(jsonPath("$.peak.total.answeredWithinServiceLevel").value(39))
                .andExpect(jsonPath("$.peak.total.answerRatePercent").value(81.5)).andExpect(jsonPath("$.peak.total.metTarget").value(false))
                .andExpect(jsonPath("$.offPeak.targetPercent").value(86.0))
                .andExpect(jsonPath("$.offPeak.queues[0].answerRatePercent").value(88.0)).andExpect(jsonPath("$.offPeak.queues[0].metTarget").value(true))
                .andExpect(jsonPath("$.offPeak.queues[1].offered").value(50)).andExpect(jsonPath("$.offPeak.queues[1].answered").value(44))
                .andExpect(jsonPath("$.offPeak.total.offered").value(75)).andExpect(jsonPath("$.offPeak.total.answered").value(66))
                .andExpect(jsonPath("$.offPeak.total.abandoned").value(5)).andExpect(jsonPath("$.offPeak.total.answeredWithinServiceLevel").value(60))
                .andExpect(jsonPath("$.offPeak.total.answerRatePercent").value(88.0)).andExpect(jsonPath("$.offPeak.total.metTarget").value(true))
                .andExpect(jsonPath("$.total.offered").value(167)).andExpect(jsonPath("$.total.answered").value(141))
                .andExpect(jsonPath("$.total.abandoned").value(18)).andExpect(jsonPath("$.total.answeredWithinServiceLevel").value(99))
                .andExpect(jsonPath("$.total.answerRatePercent").value(84.4)).andExpect(jsonPath("$.total.metTarget").isEmpty());

        // a day with no calls: no rate and nothing met
        mvc.perform(get("/api/v1/reports/call-answering").param("authority", council.gssCode()).param("from", "2026-03-03")
                        .param("to", "2026-03-03").with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.peak.total.offered").value(0))
                .andExpect(jsonPath("$.peak.total.answerRatePercent").isEmpty()).andExpect(jsonPath("$.peak.total.metTarget").isEmpty());
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithEachLineNumber() throws Exception {
        upload("teamleader", "bad.csv", """
                Queue,Interval Start,Interval Minutes,Offered,Answered,Abandoned
                Refused Queue,2026-06-01T09:00,30,10,9,1
                Refused Queue,2026-06-01T09:30,30,10,9,4
                Refused Queue,2026-06-01T10:00,30,10,9,0
                Refused Queue,2026-06-01T10:30,thirty,10,9,0
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value("line 3: answered (9) and abandoned (4) add up to more than offered (10)"))
                .andExpect(jsonPath("$.errors[1].message").value("line 5: interval minutes must be a whole number from 0 to 1000000, found 'thirty'"));
        assertThat(jdbc.sql("select count(*) from telephony_interval where authority_id = ? and queue = 'Refused Queue'").param(council.id())
                .query(Long.class).single()).as("nothing imported").isZero();

        upload("teamleader", "empty.csv", "").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.startsWith("line 1: the file is empty")));
    }

    @Test
    void theSameFileAgainChangesNothingAndACorrectedIntervalReplacesTheFirst() throws Exception {
        String first = """
                Queue,Interval Start,Interval Minutes,Offered,Answered,Abandoned
                Recovery,2025-08-04T09:00,30,20,18,2
                Recovery,2025-08-04T09:30,30,20,15,5
                """;
        upload("teamleader", "aug.csv", first).andExpect(status().isCreated())
                .andExpect(jsonPath("$.added").value(2)).andExpect(jsonPath("$.replaced").value(0)).andExpect(jsonPath("$.alreadyImported").value(false));
        long importId = jdbc.sql("select max(id) from telephony_import where authority_id = ?").param(council.id()).query(Long.class).single();
        String counts = "select (select count(*) from telephony_import where authority_id = :a) || '/' "
                + "|| (select count(*) from telephony_interval where authority_id = :a and queue = 'Recovery')";
        String before = jdbc.sql(counts).param("a", council.id()).query(String.class).single();
        upload("teamleader", "aug-again.csv", first).andExpect(status().isOk())
                .andExpect(jsonPath("$.importId").value(importId)).andExpect(jsonPath("$.alreadyImported").value(true))
                .andExpect(jsonPath("$.added").value(2));
        assertThat(jdbc.sql(counts).param("a", council.id()).query(String.class).single()).as("nothing written").isEqualTo(before);

        // the telephony system's corrected export: one interval changed, one the same, one new
        upload("teamleader", "aug-corrected.csv", """
                Queue,Interval Start,Interval Minutes,Offered,Answered,Abandoned
                Recovery,2025-08-04T09:00,30,20,18,2
                Recovery,2025-08-04T09:30,30,20,17,3
                Recovery,2025-08-04T10:00,30,10,10,0
                """).andExpect(status().isCreated())
                .andExpect(jsonPath("$.added").value(1)).andExpect(jsonPath("$.replaced").value(1)).andExpect(jsonPath("$.unchanged").value(1));
        mvc.perform(get("/api/v1/reports/call-answering").param("authority", council.gssCode()).param("from", "2025-08-04")
                        .param("to", "2025-08-04").with(httpBasic("officer", PASSWORD)))
                .andExpect(jsonPath("$.offPeak.total.offered").value(50)).andExpect(jsonPath("$.offPeak.total.answered").value(45));

        // an interval that runs into one imported earlier would count its calls twice
        upload("teamleader", "overlap.csv", """
                Queue,Interval Start,Interval Minutes,Offered,Answered,Abandoned
                Recovery,2025-08-04T10:15,15,1,1,0
                """).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(
                        "line 2: the interval overlaps one imported earlier for the same queue (from 2025-08-04T10:00 for 30 minutes)"));
    }

    @Test
    void anAdministratorMovesThePeakPeriodFromADayAndTheEarlierDaysKeepTheirs() throws Exception {
        mvc.perform(get("/api/v1/authorities/{code}/call-answering", council.gssCode()).with(httpBasic("officer", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.inForce.peakFrom").value("03-01"))
                .andExpect(jsonPath("$.inForce.peakTo").value("04-30")).andExpect(jsonPath("$.inForce.peakTargetPercent").value(82.0))
                .andExpect(jsonPath("$.inForce.otherTargetPercent").value(86.0)).andExpect(jsonPath("$.inForce.isDefault").value(true));
        String later = """
                {"peakFrom": "04-01", "peakTo": "05-31", "peakTargetPercent": 80, "otherTargetPercent": 85.5,
                 "effectiveFrom": "2027-01-01", "reason": "bills go out later from 2027"}""";
        mvc.perform(put("/api/v1/authorities/{code}/call-answering", council.gssCode()).with(httpBasic("teamleader", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(later)).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/authorities/{code}/call-answering", council.gssCode()).with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(later))
                .andExpect(status().isOk()).andExpect(jsonPath("$.history.length()").value(1))
                .andExpect(jsonPath("$.history[0].peakFrom").value("04-01")).andExpect(jsonPath("$.history[0].otherTargetPercent").value(85.5))
                .andExpect(jsonPath("$.history[0].setBy").value("admin")).andExpect(jsonPath("$.history[0].reason").value("bills go out later from 2027"));
        // the same again changes nothing; other settings for the same day are refused
        mvc.perform(put("/api/v1/authorities/{code}/call-answering", council.gssCode()).with(httpBasic("admin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(later)).andExpect(status().isOk()).andExpect(jsonPath("$.history.length()").value(1));
        mvc.perform(put("/api/v1/authorities/{code}/call-answering", council.gssCode()).with(httpBasic("admin", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(later.replace("\"05-31\"", "\"06-30\""))).andExpect(status().isConflict());
        mvc.perform(put("/api/v1/authorities/{code}/call-answering", council.gssCode()).with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(later.replace("\"04-01\"", "\"04-31\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("peakFrom"));
        mvc.perform(put("/api/v1/authorities/{code}/call-answering", council.gssCode()).with(httpBasic("admin", PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content(later.replace("\"05-31\"", "\"03-31\"")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("peakTo"));

        // 2026's days are still judged by the defaults: the sample's report is as by hand
        sampleImported();
        mvc.perform(get("/api/v1/reports/call-answering").param("authority", council.gssCode()).param("from", "2026-03-01")
                        .param("to", "2026-05-31").with(httpBasic("auditor", PASSWORD)))
                .andExpect(jsonPath("$.peak.total.offered").value(92)).andExpect(jsonPath("$.offPeak.total.offered").value(75));
        // a report ending in 2027 takes the targets in force then; 1 May 2026 is off-peak by the version of its own day
        mvc.perform(get("/api/v1/reports/call-answering").param("authority", council.gssCode()).param("from", "2026-05-01")
                        .param("to", "2027-01-31").with(httpBasic("auditor", PASSWORD)))
                .andExpect(jsonPath("$.peakPeriod").value("04-01 to 05-31"))
                .andExpect(jsonPath("$.offPeak.targetPercent").value(85.5)).andExpect(jsonPath("$.peak.total.offered").value(0));
    }

    @Test
    void onlyATeamLeaderOrAnAdministratorImports() throws Exception {
        upload("officer", "sample.csv", SAMPLE).andExpect(status().isForbidden());
        upload("auditor", "sample.csv", SAMPLE).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/reports/call-answering").param("authority", council.gssCode()).param("from", "2026-03-01")
                .param("to", "2026-05-31")).andExpect(status().isUnauthorized());
    }

    @Test
    void theDashboardShowsCallsAnsweredOnceThereIsData() throws Exception {
        LocalDate today = LocalDate.now(clock);
        sampleImported();
        upload("teamleader", "today.csv", "Queue,Interval Start,Interval Minutes,Offered,Answered,Abandoned\nToday," + today.atStartOfDay()
                + ",15,10,9,1\n").andExpect(status().isCreated());
        CallAnsweringSettings.Settings inForce = settings.on(council.id(), today);
        boolean peakToday = inForce.peak().contains(today);
        String page = mvc.perform(get("/").param("authority", council.gssCode()).with(user("officer").roles("OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("No call data imported yet").contains("id=\"calls-peak\"").contains("id=\"calls-off-peak\"");
        assertThat(page).contains((peakToday ? inForce.peakTargetPercent() : inForce.otherTargetPercent()).stripTrailingZeros().toPlainString() + "%")
                .contains("90.0% (9 of 10), target met");
        if (!peakToday && inForce.peak().latest(today).peak().from().equals(LocalDate.of(2026, 3, 1))) {
            // the latest peak is the sample's: 75 of 92
            assertThat(page).contains("81.5% (75 of 92), below target from 1 Mar 2026 to 30 Apr 2026");
        }
    }
}
