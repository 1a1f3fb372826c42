package org.reclaim.directdebit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.reclaim.accounts.AccountStatus;
import org.reclaim.accounts.Accounts;
import org.reclaim.billing.Bill;
import org.reclaim.billing.Bills;
import org.reclaim.directdebit.bacs.BankAccount;
import org.reclaim.directdebit.bacs.BankDetails;
import org.reclaim.directdebit.bacs.ModulusCheck;
import org.reclaim.directdebit.bacs.ModulusResult;
import org.reclaim.directdebit.bacs.TransactionCode;
import org.reclaim.shared.AccessAudit;
import org.reclaim.shared.Conflict;
import org.reclaim.shared.FinancialYear;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Direct Debit mandates: set up (with the Direct Debit Guarantee given and the bank details checked), cancelled, and
 * moved through their life by AUDDIS files, runs and the reports Bacs sends back. Every change is a line of the
 * mandate's history; setting one up or cancelling it queues the AUDDIS instruction (0N, 0C) for the next AUDDIS file.
 */
@Service
public class Mandates {

    /** What the payer (or the officer for them) gave. */
    public record SetUp(String payerName, String sortCode, String accountNumber, @Nullable Integer paymentDay, boolean guaranteeShown,
                 @Nullable Integer agreedNoticeDays) {
    }

    /** One line of a mandate's history. */
    record Event(String event, String detail, String source, boolean forOfficer, OffsetDateTime at, String by) {
    }

    /** The Direct Debit Guarantee: 10 working days' notice of a change in amount, date or frequency "or as otherwise agreed". */
    public static final int STANDARD_NOTICE_WORKING_DAYS = 10;

    private static final String SELECT = """
            select m.id, m.authority_id, m.account_id, a.reference, m.reference, m.payer_name, m.sort_code, m.account_number, m.payment_day,
                   m.agreed_notice_days, m.modulus_result, m.status, m.lodged_on, m.created_at, m.created_by
            from mandate m join account a on a.authority_id = m.authority_id and a.id = m.account_id""";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Bills bills;
    private final ModulusCheck modulus;
    private final PaymentMethodChoices choices;
    private final AccessAudit audit;
    private final Clock clock;

    Mandates(JdbcClient jdbc, Accounts accounts, Bills bills, ModulusCheck modulus, PaymentMethodChoices choices, AccessAudit audit,
             Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.bills = bills;
        this.modulus = modulus;
        this.choices = choices;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Mandate setUp(Account account, SetUp request) {
        if (!request.guaranteeShown()) {
            throw InvalidInput.of("guaranteeShown", "must be true: the payer must be given the Direct Debit Guarantee before a Direct "
                    + "Debit is set up (Bacs Direct Debit scheme rules)");
        }
        BankDetails payer = bankDetails(request.sortCode(), request.accountNumber(), request.payerName());
        ModulusResult checked = modulus.check(payer.account());
        if (checked == ModulusResult.INVALID) {
            throw InvalidInput.of("accountNumber", "account number " + payer.accountNumber() + " fails the modulus check for sort code "
                    + payer.account().formattedSortCode() + ": please check both with the payer");
        }
        if (account.status() != AccountStatus.OPEN) {
            throw Conflict.because("account " + account.reference() + " is closed: a Direct Debit collects a live plan");
        }
        int notice = request.agreedNoticeDays() == null ? STANDARD_NOTICE_WORKING_DAYS : request.agreedNoticeDays();
        if (notice < 0 || notice > 60) {
            throw InvalidInput.of("agreedNoticeDays", "must be 0 to 60 working days (10 unless agreed otherwise)");
        }
        int paymentDay = paymentDay(account, request.paymentDay());
        accounts.lock(account);
        Optional<Mandate> live = live(account);
        if (live.isPresent()) {
            throw Conflict.because("account " + account.reference() + " already has Direct Debit " + live.get().reference() + " ("
                    + live.get().status() + "); cancel it before setting up another");
        }
        int number = jdbc.sql("select count(*) + 1 from mandate where authority_id = ? and account_id = ?")
                .params(account.authorityId(), account.id()).query(Integer.class).single();
        // the account reference (12 digits) and the mandate's number for the account: unique, and at most 18 characters
        String reference = account.reference().value() + "-" + number;
        OffsetDateTime now = OffsetDateTime.now(clock);
        String user = AccessAudit.currentUser();
        long id;
        try {
            id = jdbc.sql("""
                    insert into mandate (authority_id, account_id, reference, payer_name, sort_code, account_number, payment_day,
                                         agreed_notice_days, modulus_result, status, created_at, created_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SET_UP', ?, ?) returning id""")
                    .params(account.authorityId(), account.id(), reference, payer.accountName(), payer.sortCode(), payer.accountNumber(),
                            paymentDay, notice, checked.name(), now, user)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw Conflict.because("account " + account.reference() + " already has a Direct Debit being set up");
        }
        Mandate mandate = get(account.authorityId(), id);
        event(mandate, "SET_UP", "set up by " + user + "; Direct Debit Guarantee given; bank details " + checked.name().toLowerCase()
                .replace('_', ' ') + "; collection day " + paymentDay + "; notice " + notice + " working days", "officer", false);
        queue(mandate, TransactionCode.NEW_INSTRUCTION);
        choices.record(account, org.reclaim.payments.PaymentMethod.DIRECT_DEBIT, "direct-debit mandate");
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                "Direct Debit " + reference + " set up");
        return mandate;
    }

    /** The bank details as typed, standardised; a name Bacs cannot carry is the payer name's fault. */
    static BankDetails bankDetails(String sortCode, String accountNumber, String payerName) {
        try {
            return BankDetails.of(sortCode, accountNumber, payerName);
        } catch (InvalidInput e) {
            throw InvalidInput.of(e.errors().stream()
                    .map(f -> f.field().equals("accountName") ? new InvalidInput.FieldError("payerName", f.message()) : f).toList());
        }
    }

    /**
     * The collection day is the day of the account's plan: Direct Debit collects the instalments as billed. A different
     * day would need the plan re-profiled by a new bill, which billing does not offer yet, so it is refused.
     */
    private int paymentDay(Account account, @Nullable Integer asked) {
        Optional<Bill> current = bills.current(account, FinancialYear.containing(LocalDate.now(clock)))
                .or(() -> bills.currentBills(account).stream().reduce((a, b) -> b));
        if (current.isPresent() && !current.get().scheme().equals("WEEKLY") && !current.get().scheme().equals("FORTNIGHTLY")) {
            int planned = current.get().paymentDay();
            if (asked != null && asked != planned) {
                throw InvalidInput.of("paymentDay", "the " + current.get().year() + " plan has instalments on day " + planned + " of the "
                        + "month; Direct Debit collects them on that day. Changing the day needs a new plan, which billing does not offer yet");
            }
            return planned;
        }
        int day = asked == null ? 1 : asked;
        if (day < 1 || day > 28) {
            throw InvalidInput.of("paymentDay", "must be from 1 to 28");
        }
        return day;
    }

    /** Cancels the mandate at the council's or the payer's request to the council, and queues the 0C instruction. */
    @Transactional
    Mandate cancel(Account account, String why) {
        // locked first, then read: two cancellations at once (or one racing an ADDACS) find it live only once
        accounts.lock(account);
        Mandate mandate = live(account).orElseThrow(() -> NotFound.of("live Direct Debit for account", account.reference()));
        end(mandate, "CANCELLED", "cancelled by " + AccessAudit.currentUser() + ": " + why, "officer", false);
        if (mandate.status() != Mandate.Status.SET_UP) {
            queue(mandate, TransactionCode.CANCEL_INSTRUCTION);   // Bacs has it: tell Bacs it has ended
        } else {
            // never lodged: its 0N is withdrawn rather than followed by a 0C
            jdbc.sql("delete from auddis_instruction where authority_id = ? and mandate_id = ? and file_id is null")
                    .params(mandate.authorityId(), mandate.id()).update();
        }
        audit.record(account.authorityId(), AccessAudit.Action.CHANGE, AccessAudit.Subject.ACCOUNT, account.reference(),
                "Direct Debit " + mandate.reference() + " cancelled");
        return get(mandate.authorityId(), mandate.id());
    }

    /** Moves the mandate to {@code status} with a line of history; no AUDDIS instruction (the bank already knows). */
    void end(Mandate mandate, String status, String detail, String source, boolean forOfficer) {
        jdbc.sql("update mandate set status = ? where authority_id = ? and id = ?").params(status, mandate.authorityId(), mandate.id()).update();
        event(mandate, status, detail, source, forOfficer);
    }

    /** New bank details from an ADDACS advice (account transferred, instruction amended). */
    void amend(Mandate mandate, BankAccount moved, String detail, String source) {
        jdbc.sql("update mandate set sort_code = ?, account_number = ? where authority_id = ? and id = ?")
                .params(moved.sortCode(), moved.accountNumber(), mandate.authorityId(), mandate.id()).update();
        event(mandate, "AMENDED", detail + ": now " + moved.formattedSortCode() + " " + moved.accountNumber(), source, false);
    }

    /** ADDACS R: the paying bank has reinstated the instruction. */
    void reinstate(Mandate mandate, String detail, String source) {
        try {
            jdbc.sql("update mandate set status = 'ACTIVE' where authority_id = ? and id = ?").params(mandate.authorityId(), mandate.id()).update();
        } catch (DuplicateKeyException e) {
            throw InvalidInput.of("reference", "Direct Debit " + mandate.reference() + " cannot be reinstated: its account has "
                    + "another live Direct Debit");
        }
        event(mandate, "REINSTATED", detail, source, false);
    }

    void event(Mandate mandate, String event, String detail, String source, boolean forOfficer) {
        jdbc.sql("""
                insert into mandate_event (authority_id, mandate_id, event, detail, source, for_officer, at, by_user)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(mandate.authorityId(), mandate.id(), event, detail, source, forOfficer, OffsetDateTime.now(clock),
                        AccessAudit.currentUser())
                .update();
    }

    private void queue(Mandate mandate, TransactionCode code) {
        jdbc.sql("""
                insert into auddis_instruction (authority_id, mandate_id, transaction_code, payer_name, sort_code, account_number, reference,
                                                queued_at, queued_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(mandate.authorityId(), mandate.id(), code.code(), mandate.payer().accountName(), mandate.payer().sortCode(),
                        mandate.payer().accountNumber(), mandate.reference(), OffsetDateTime.now(clock), AccessAudit.currentUser())
                .update();
    }

    Optional<Mandate> live(Account account) {
        return jdbc.sql(SELECT + " where m.authority_id = ? and m.account_id = ? and m.status <> 'CANCELLED'")
                .params(account.authorityId(), account.id()).query(Mandates::map).optional();
    }

    /** The live mandate, or else the latest one. */
    Optional<Mandate> latest(Account account) {
        return live(account).or(() -> jdbc.sql(SELECT + " where m.authority_id = ? and m.account_id = ? order by m.id desc limit 1")
                .params(account.authorityId(), account.id()).query(Mandates::map).optional());
    }

    Optional<Mandate> byReference(int authorityId, String reference) {
        return jdbc.sql(SELECT + " where m.authority_id = ? and m.reference = ?").params(authorityId, reference.strip().toUpperCase(java.util.Locale.ROOT))
                .query(Mandates::map).optional();
    }

    Mandate get(int authorityId, long id) {
        return jdbc.sql(SELECT + " where m.authority_id = ? and m.id = ?").params(authorityId, id).query(Mandates::map).single();
    }

    List<Event> history(Mandate mandate) {
        return jdbc.sql("""
                select event, detail, source, for_officer, at, by_user from mandate_event
                where authority_id = ? and mandate_id = ? order by id""")
                .params(mandate.authorityId(), mandate.id())
                .query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
                .list();
    }

    private static Mandate map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Mandate(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                new BankDetails(new BankAccount(rs.getString(7), rs.getString(8)), rs.getString(6)), rs.getInt(9), rs.getInt(10),
                rs.getString(11), Mandate.Status.valueOf(rs.getString(12)), rs.getObject(13, LocalDate.class),
                rs.getObject(14, OffsetDateTime.class), rs.getString(15));
    }
}
