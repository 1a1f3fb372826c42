package org.reclaim.recovery.remedies;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.accounts.EntryType;
import org.reclaim.accounts.Ledger;
import org.reclaim.accounts.Posting;
import org.reclaim.parties.Parties;
import org.reclaim.parties.Party;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files exchanged with the authority's enforcement agents. A referral file holds each confirmed referral to the
 * agent not sent before, each exactly once (the key of {@code enforcement_file_referral}). A return file gives the
 * agent's result on each case: PAID, PART_PAID, NULLA_BONA (no or insufficient goods, which opens committal, SI 1992/613
 * reg 47(1)) or RETURNED; the amount the agent collected towards the debt is posted to the account as a payment.
 */
@Service
class EnforcementFiles {

    static final String REFERRAL_HEADER = "case_reference,account_reference,financial_year,debtor_name,address,liability_order_date,"
            + "amount_pence,compliance_fee_pence\n";

    enum ReturnStatus { PAID, PART_PAID, NULLA_BONA, RETURNED }

    record ReferralFile(long fileId, String agent, int cases, String csv) {
    }

    record ReturnOutcome(long fileId, int lines, Map<ReturnStatus, Integer> byStatus, long collectedPence) {
    }

    private final JdbcClient jdbc;
    private final Parties parties;
    private final Ledger ledger;
    private final AccessAudit audit;
    private final Clock clock;

    EnforcementFiles(JdbcClient jdbc, Parties parties, Ledger ledger, AccessAudit audit, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** The case reference the agent quotes back: the account reference and the year of the liability order. */
    static String caseReference(String account, int year) {
        return account + "/" + year;
    }

    @Transactional
    public ReferralFile referrals(int authorityId, String agent) {
        String name = agent.trim();
        if (name.isEmpty()) {
            throw InvalidInput.of("agent", "is required: the enforcement agent the file is for");
        }
        // one referral file at a time per authority, so that no referral lands in two files
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(?, 6401)) x").param(authorityId).query(Integer.class).single();
        record Row(long actionId, long partyId, String account, int year, LocalDate loOn, long amount, long fee) {
        }
        List<Row> rows = jdbc.sql("""
                select o.action_id, o.party_id, a.reference, o.financial_year, o.liability_order_on, o.amount_pence, o.compliance_fee_pence
                from remedy_order o join account a on a.authority_id = o.authority_id and a.id = o.account_id
                where o.authority_id = ? and o.remedy = 'ENFORCEMENT_AGENT' and o.agent = ?
                  and not exists (select 1 from enforcement_file_referral f where f.authority_id = o.authority_id and f.action_id = o.action_id)
                order by a.reference, o.financial_year""")
                .params(authorityId, name)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getObject(5, LocalDate.class),
                        rs.getLong(6), rs.getLong(7)))
                .list();
        long fileId = jdbc.sql("""
                insert into enforcement_file (authority_id, direction, agent, lines, created_at, created_by)
                values (?, 'REFERRAL', ?, ?, ?, ?) returning id""")
                .params(authorityId, name, rows.size(), OffsetDateTime.now(clock), AccessAudit.currentUser()).query(Long.class).single();
        if (!rows.isEmpty()) {
            jdbc.sql("insert into enforcement_file_referral (authority_id, action_id, file_id) select ?, a, ? from unnest(?::bigint[]) as x (a)")
                    .params(authorityId, fileId, rows.stream().map(Row::actionId).toArray(Long[]::new)).update();
        }
        Map<Long, Party> people = parties.findAll(rows.stream().map(Row::partyId).distinct().toList()).stream()
                .collect(Collectors.toMap(Party::id, Function.identity()));
        StringBuilder csv = new StringBuilder(REFERRAL_HEADER);
        for (Row r : rows) {
            Party p = people.get(r.partyId());
            csv.append(Csv.row(caseReference(r.account(), r.year()), r.account(), r.year(), p.displayName(), address(p), r.loOn(), r.amount(), r.fee()));
        }
        audit.recordAll(AccessAudit.Action.CHANGE, rows.stream().map(r -> new AccessAudit.Seen(authorityId, AccessAudit.Subject.ACCOUNT, r.account()))
                .toList(), "referred to enforcement agent " + name + " in file " + fileId);
        return new ReferralFile(fileId, name, rows.size(), csv.toString());
    }

    private static String address(Party p) {
        return p.contactPoints().stream().filter(c -> c.kind() == Party.ContactKind.POSTAL)
                .sorted((a, b) -> Boolean.compare(b.preferred(), a.preferred())).findFirst()
                .map(c -> java.util.stream.Stream.of(c.addressLine1(), c.addressLine2(), c.town(), c.postcode())
                        .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", ")))
                .orElse("");
    }

    /**
     * Imports a return file: {@code case_reference,status,collected_pence,fees_pence} a line (a header line is allowed).
     * A file with any bad line is refused whole, each bad line named by its number; the same file twice is refused.
     */
    @Transactional
    public ReturnOutcome returns(int authorityId, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        record Line(int number, long actionId, long accountId, String account, int year, ReturnStatus status, long collected, long fees) {
        }
        List<Line> good = new ArrayList<>();
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String raw = lines[i];
            if (raw.isBlank() || (i == 0 && raw.toLowerCase(java.util.Locale.ROOT).startsWith("case_reference"))) {
                continue;
            }
            List<String> f = Csv.fields(raw);
            String at = "line " + number;
            if (f.size() != 4) {
                errors.add(new InvalidInput.FieldError(at, "has " + f.size() + " fields; expected 4: case_reference,status,collected_pence,fees_pence"));
                continue;
            }
            String[] ref = f.get(0).split("/");
            if (ref.length != 2 || !ref[0].matches("[0-9]{12}") || !ref[1].matches("[0-9]{4}")) {
                errors.add(new InvalidInput.FieldError(at, "case reference '" + f.get(0) + "' is not account/year as referred (e.g. 890000000017/2026)"));
                continue;
            }
            ReturnStatus status;
            try {
                status = ReturnStatus.valueOf(f.get(1).toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError(at, "status '" + f.get(1) + "' is not one of PAID, PART_PAID, NULLA_BONA, RETURNED"));
                continue;
            }
            Long collected = pence(f.get(2));
            Long fees = pence(f.get(3));
            if (collected == null || fees == null) {
                errors.add(new InvalidInput.FieldError(at, "collected and fees must be whole pence, 0 or more: '" + f.get(2) + "', '" + f.get(3) + "'"));
                continue;
            }
            if ((status == ReturnStatus.PAID || status == ReturnStatus.PART_PAID) && collected == 0) {
                errors.add(new InvalidInput.FieldError(at, status + " with nothing collected"));
                continue;
            }
            int year = Integer.parseInt(ref[1]);
            var referral = jdbc.sql("""
                    select o.action_id, o.account_id from remedy_order o join account a on a.authority_id = o.authority_id and a.id = o.account_id
                    join enforcement_file_referral r on r.authority_id = o.authority_id and r.action_id = o.action_id
                    where o.authority_id = ? and a.reference = ? and o.financial_year = ? and o.remedy = 'ENFORCEMENT_AGENT'""")
                    .params(authorityId, ref[0], year).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
            if (referral.isEmpty()) {
                errors.add(new InvalidInput.FieldError(at, "no enforcement referral sent for " + f.get(0) + " at this authority"));
                continue;
            }
            good.add(new Line(number, referral.get()[0], referral.get()[1], ref[0], year, status, collected, fees));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        if (good.isEmpty()) {
            throw InvalidInput.of("file", "line 1: the file has no return lines");
        }
        String sha = sha256(body);
        Long earlier = jdbc.sql("select id from enforcement_file where authority_id = ? and direction = 'RETURN' and sha256 = ?")
                .params(authorityId, sha).query(Long.class).optional().orElse(null);
        if (earlier != null) {
            throw Conflict.because("this return file was already imported as file " + earlier + "; nothing was imported again");
        }
        long fileId = jdbc.sql("""
                insert into enforcement_file (authority_id, direction, lines, sha256, created_at, created_by)
                values (?, 'RETURN', ?, ?, ?, ?) returning id""")
                .params(authorityId, good.size(), sha, OffsetDateTime.now(clock), AccessAudit.currentUser()).query(Long.class).single();
        Map<ReturnStatus, Integer> byStatus = new TreeMap<>();
        long total = 0;
        LocalDate today = LocalDate.now(clock);
        for (Line l : good) {
            jdbc.sql("""
                    insert into enforcement_return (authority_id, file_id, line_number, action_id, status, collected_pence, fees_pence)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(authorityId, fileId, l.number(), l.actionId(), l.status().name(), l.collected(), l.fees()).update();
            if (l.collected() > 0) {
                ledger.post(Posting.of(AccountReference.parse(l.account()), FinancialYear.of(l.year()), EntryType.PAYMENT,
                        Money.ofPence(-l.collected()), today, "Collected by enforcement agent (return file " + fileId + ")")
                        .withIdempotencyKey("enforcement-return:" + fileId + ":" + l.number()));
                total += l.collected();
            }
            byStatus.merge(l.status(), 1, Integer::sum);
        }
        audit.recordAll(AccessAudit.Action.CHANGE, good.stream().map(l -> new AccessAudit.Seen(authorityId, AccessAudit.Subject.ACCOUNT, l.account()))
                .toList(), "enforcement agent's return, file " + fileId);
        return new ReturnOutcome(fileId, good.size(), byStatus, total);
    }

    private static @Nullable Long pence(String text) {
        if (!text.matches("[0-9]{1,12}")) {
            return null;
        }
        return Long.parseLong(text);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
