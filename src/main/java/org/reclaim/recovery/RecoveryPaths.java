package org.reclaim.recovery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the authorities' recovery paths. A change is a new version with who made it, when and why; the
 * first use of a stream's path creates the statutory default as version 1.
 */
@Service
public class RecoveryPaths {

    /** A version in a path's history. */
    public record Change(int version, String reason, OffsetDateTime changedAt, String changedBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    RecoveryPaths(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The path in force, creating the statutory default on first use. */
    @Transactional
    public RecoveryPath current(int authorityId, RevenueStream stream) {
        int version = latestVersion(authorityId, stream);
        if (version == 0) {
            List<RecoveryPath.Stage> stages = DefaultPaths.forStream(stream).orElseThrow(() -> InvalidInput.of("stream",
                    "there is no recovery path for " + stream + " yet; Council Tax and Business Rates have statutory paths"));
            write(authorityId, stream, 1, DefaultPaths.GRACE_DAYS, RecoveryPath.CostsPolicy.STAND, stages,
                    "Statutory default path for England (SI 1992/613; SI 1989/1058)", "system", true);
            version = latestVersion(authorityId, stream);
        }
        return read(authorityId, stream, version);
    }

    /** Replaces the path with a new version, after checking it against the statutory minimums. */
    @Transactional
    public RecoveryPath change(int authorityId, RevenueStream stream, int graceDays, RecoveryPath.CostsPolicy policy,
                               List<RecoveryPath.Stage> stages, String reason) {
        if (reason.isBlank()) {
            throw InvalidInput.of("reason", "is required: say why the path changes");
        }
        RecoveryPath.check(stream, graceDays, stages);
        RecoveryPath before = current(authorityId, stream);
        jdbc.sql("select 1 from billing_authority where id = ? for update").param(authorityId).query(Integer.class).single();
        int next = latestVersion(authorityId, stream) + 1;
        write(authorityId, stream, next, graceDays, policy, stages, reason, AccessAudit.currentUser(), false);
        return read(authorityId, stream, next);
    }

    public List<Change> history(int authorityId, RevenueStream stream) {
        return jdbc.sql("""
                select version, reason, changed_at, changed_by from recovery_path_version
                where authority_id = ? and stream = ? order by version desc""")
                .params(authorityId, stream.name())
                .query((rs, n) -> new Change(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4)))
                .list();
    }

    private int latestVersion(int authorityId, RevenueStream stream) {
        return jdbc.sql("select coalesce(max(version), 0) from recovery_path_version where authority_id = ? and stream = ?")
                .params(authorityId, stream.name()).query(Integer.class).single();
    }

    private void write(int authorityId, RevenueStream stream, int version, int graceDays, RecoveryPath.CostsPolicy policy,
                       List<RecoveryPath.Stage> stages, String reason, String user, boolean ifAbsent) {
        int inserted = jdbc.sql("""
                insert into recovery_path_version (authority_id, stream, version, grace_days, costs_if_paid_before_hearing, reason,
                                                   changed_at, changed_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""" + (ifAbsent ? " on conflict do nothing" : ""))
                .params(authorityId, stream.name(), version, graceDays, policy.name(), reason, OffsetDateTime.now(clock), user)
                .update();
        if (inserted == 0) {
            return;   // another request created the default at the same moment
        }
        for (int i = 0; i < stages.size(); i++) {
            RecoveryPath.Stage s = stages.get(i);
            jdbc.sql("""
                    insert into recovery_path_stage (authority_id, stream, version, position, code, wait_days, costs_pence,
                                                     needs_authorisation, in_use, document_code, minimum_pence)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(authorityId, stream.name(), version, i + 1, s.code().name(), s.waitDays(),
                            s.costs() == null ? null : s.costs().pence(), s.needsAuthorisation(), s.inUse(), s.document(),
                            s.minimum() == null ? null : s.minimum().pence())
                    .update();
        }
    }

    private RecoveryPath read(int authorityId, RevenueStream stream, int version) {
        List<RecoveryPath.Stage> stages = jdbc.sql("""
                select code, wait_days, costs_pence, needs_authorisation, in_use, document_code, minimum_pence from recovery_path_stage
                where authority_id = ? and stream = ? and version = ? order by position""")
                .params(authorityId, stream.name(), version)
                .query((rs, n) -> new RecoveryPath.Stage(StageCode.valueOf(rs.getString(1)), rs.getInt(2),
                        rs.getObject(3) == null ? null : Money.ofPence(rs.getLong(3)), rs.getBoolean(4), rs.getBoolean(5), rs.getString(6),
                        rs.getObject(7) == null ? null : Money.ofPence(rs.getLong(7))))
                .list();
        return jdbc.sql("""
                select grace_days, costs_if_paid_before_hearing, reason, changed_at, changed_by from recovery_path_version
                where authority_id = ? and stream = ? and version = ?""")
                .params(authorityId, stream.name(), version)
                .query((rs, n) -> new RecoveryPath(authorityId, stream, version, rs.getInt(1),
                        RecoveryPath.CostsPolicy.valueOf(rs.getString(2)), stages, rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
                .single();
    }
}
