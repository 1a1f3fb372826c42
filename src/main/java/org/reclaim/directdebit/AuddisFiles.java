package org.reclaim.directdebit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.directdebit.bacs.AuddisFile;
import org.reclaim.directdebit.bacs.AuddisInstruction;
import org.reclaim.directdebit.bacs.BankAccount;
import org.reclaim.directdebit.bacs.BankDetails;
import org.reclaim.directdebit.bacs.Standard18File;
import org.reclaim.directdebit.bacs.TransactionCode;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the AUDDIS instructions waiting for an authority into one AUDDIS file for a processing day. Each instruction
 * goes into one file: the file and the instructions' link to it are one transaction. A new instruction (0N) lodges its
 * mandate on the file's processing day.
 */
@Service
class AuddisFiles {

    /** A file as written. */
    record Written(long id, LocalDate processingDay, int instructions, String content) {
    }

    private final JdbcClient jdbc;
    private final Originators originators;
    private final Mandates mandates;
    private final Clock clock;

    AuddisFiles(JdbcClient jdbc, Originators originators, Mandates mandates, Clock clock) {
        this.jdbc = jdbc;
        this.originators = originators;
        this.mandates = mandates;
        this.clock = clock;
    }

    /** The file of everything waiting, or nothing if nothing waits. */
    @Transactional
    Optional<Written> write(BillingAuthority authority, LocalDate processingDay) {
        record Waiting(long id, long mandateId, AuddisInstruction instruction) {
        }
        List<Waiting> waiting = jdbc.sql("""
                select id, mandate_id, transaction_code, payer_name, sort_code, account_number, reference from auddis_instruction
                where authority_id = ? and file_id is null order by id for update""")
                .param(authority.id())
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), new AuddisInstruction(
                        new BankDetails(new BankAccount(rs.getString(5), rs.getString(6)), rs.getString(4)), code(rs.getString(3)), rs.getString(7))))
                .list();
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('auddis_file', 'id'))").query(Long.class).single();
        Standard18File file = AuddisFile.write(originators.get(authority), serial(id), created(clock, processingDay), processingDay,
                waiting.stream().map(Waiting::instruction).toList());
        jdbc.sql("""
                insert into auddis_file (authority_id, id, processing_day, instructions, content, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(authority.id(), id, processingDay, waiting.size(), file.text(), OffsetDateTime.now(clock), AccessAudit.currentUser())
                .update();
        jdbc.sql("update auddis_instruction set file_id = ? where authority_id = ? and id = any(cast(? as bigint[]))")
                .params(id, authority.id(), waiting.stream().map(Waiting::id).toArray(Long[]::new)).update();
        for (Waiting w : waiting) {
            if (w.instruction().code() == TransactionCode.NEW_INSTRUCTION) {
                Mandate mandate = mandates.get(authority.id(), w.mandateId());
                if (mandate.status() == Mandate.Status.SET_UP) {
                    jdbc.sql("update mandate set status = 'LODGED', lodged_on = ? where authority_id = ? and id = ? and status = 'SET_UP'")
                            .params(processingDay, authority.id(), mandate.id()).update();
                    mandates.event(mandate, "AUDDIS_LODGED", "0N in AUDDIS file " + id + " for processing on " + processingDay, "auddis", false);
                }
            } else {
                mandates.event(mandates.get(authority.id(), w.mandateId()), "AUDDIS_LODGED", "0C in AUDDIS file " + id + " for processing on "
                        + processingDay, "auddis", false);
            }
        }
        return Optional.of(new Written(id, processingDay, waiting.size(), file.text()));
    }

    Written get(long id) {
        return jdbc.sql("select id, processing_day, instructions, content from auddis_file where id = ?").param(id)
                .query((rs, n) -> new Written(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getString(4)))
                .optional().orElseThrow(() -> NotFound.of("AUDDIS file", id));
    }

    /** A 6-character submission serial number from the file's id (Standard 18 VOL1 positions 5-10). */
    static String serial(long id) {
        return String.format("%06d", (id - 1) % 999_999 + 1);
    }

    /**
     * The creation date written in HDR1: today, or the processing day itself when a run is replayed for a day already
     * past (a simulation or a catch-up), since Standard 18 refuses a processing day before the file's creation.
     */
    static LocalDate created(Clock clock, LocalDate processingDay) {
        LocalDate today = LocalDate.now(clock);
        return today.isAfter(processingDay) ? processingDay : today;
    }

    private static TransactionCode code(String code) {
        for (TransactionCode c : TransactionCode.values()) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        throw new IllegalStateException("unknown transaction code " + code);
    }
}
