package org.reclaim.notify;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.reclaim.accounts.Account;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The account's emails, texts and letters posted through Notify, for its timeline: what was sent or held back, and what Notify said of it. */
@Service
public class AccountMessages {

    /** One message on the timeline: when, the channel ("Email" / "Text" / "Letter"), the event and state, and the detail. */
    public record Entry(LocalDate on, String kind, String what, String detail, String who) {
    }

    private final JdbcClient jdbc;

    AccountMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> of(Account account) {
        ZoneId uk = ZoneId.of("Europe/London");
        return jdbc.sql("""
                select channel, event_code, state, reason, notify_status, queued_at, sent_at, completed_at, queued_by
                from notify_message where authority_id = ? and account_id = ? order by queued_at, id""")
                .params(account.authorityId(), account.id())
                .query((rs, n) -> {
                    OffsetDateTime last = rs.getObject(8, OffsetDateTime.class) != null ? rs.getObject(8, OffsetDateTime.class)
                            : rs.getObject(7, OffsetDateTime.class) != null ? rs.getObject(7, OffsetDateTime.class) : rs.getObject(6, OffsetDateTime.class);
                    String detail = rs.getString(4) != null ? rs.getString(4) : rs.getString(5) != null ? "GOV.UK Notify: " + rs.getString(5) : "";
                    return new Entry(last.atZoneSameInstant(uk).toLocalDate(), switch (Channel.valueOf(rs.getString(1))) {
                                case SMS -> "Text";
                                case EMAIL -> "Email";
                                case LETTER -> "Letter";
                            },
                            rs.getString(2) + " " + rs.getString(3), detail, rs.getString(9));
                })
                .list();
    }
}
