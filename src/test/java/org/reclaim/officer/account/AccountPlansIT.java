package org.reclaim.officer.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reclaim.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account page reads the recovery timeline view by (authority_id, account_id) (the page is timed on 1,000,000
 * accounts): every table of the view that holds account rows needs an index leading with those two columns that the
 * view's branch can use, and no branch may read a table whole.
 */
@IntegrationTest
class AccountPlansIT {

    @Autowired JdbcClient jdbc;

    @Test
    void everyTableOfTheTimelineHasAnIndexLedByAuthorityAndAccount() {
        List<String> tables = jdbc.sql("""
                select distinct c.relname from pg_depend d
                join pg_rewrite r on r.oid = d.objid
                join pg_class c on c.oid = d.refobjid and c.relkind = 'r'
                join pg_attribute a on a.attrelid = c.oid and a.attname = 'account_id'
                where r.ev_class = 'recovery_timeline'::regclass order by 1""").query(String.class).list();
        assertThat(tables).contains("recovery_action", "recovery_hold", "recovery_line", "court_outcome", "advice_referral", "contact",
                "remedy_order");
        for (String table : tables) {
            // a partial index counts only if it covers the rows the view reads (recovery_line: the passed-over ones)
            List<String> usable = jdbc.sql("""
                    select ic.relname from pg_index i
                    join pg_class ic on ic.oid = i.indexrelid
                    join pg_attribute a1 on a1.attrelid = i.indrelid and a1.attnum = i.indkey[0]
                    join pg_attribute a2 on a2.attrelid = i.indrelid and a2.attnum = i.indkey[1]
                    where i.indrelid = ?::regclass and a1.attname = 'authority_id' and a2.attname = 'account_id'
                      and (i.indpred is null or pg_get_expr(i.indpred, i.indrelid) like '%PASSED_OVER%')""")
                    .param(table).query(String.class).list();
            assertThat(usable).as(table + ": an index on (authority_id, account_id, ...)").isNotEmpty();
        }
    }

    @Test
    @Transactional
    void noBranchOfTheTimelineReadsATableWhole() {
        jdbc.sql("set local enable_seqscan = off").update();
        List<String> plan = jdbc.sql("""
                explain select happened_on, kind, what, rule, who, amount_pence, costs_pence from recovery_timeline
                where authority_id = 1 and account_id = 42""").query(String.class).list();
        assertThat(plan).as(String.join("\n", plan)).noneMatch(line -> line.contains("Seq Scan"));
    }
}
