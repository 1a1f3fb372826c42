package org.reclaim.directdebit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.Account;
import org.springframework.stereotype.Service;

/**
 * An account's Direct Debit mandate for the officer's account view, with the bank details masked: an officer needs to
 * recognise the account with the payer, never to read it out (the sort code's last 2 digits, the account number's last 4).
 */
@Service
public class AccountMandate {

    public record Event(OffsetDateTime at, String event, String detail, String by) {
    }

    public record Summary(String reference, String status, String payerName, String sortCodeMasked, String accountNumberMasked,
                          int paymentDay, @Nullable LocalDate lodgedOn, OffsetDateTime createdAt, String createdBy, List<Event> events) {
    }

    private final Mandates mandates;

    AccountMandate(Mandates mandates) {
        this.mandates = mandates;
    }

    /** The live mandate, or else the latest one; with its history, oldest first. */
    public Optional<Summary> of(Account account) {
        return mandates.latest(account).map(m -> new Summary(m.reference(), m.status().name(), m.payer().accountName(),
                "••-••-" + lastDigits(m.payer().sortCode(), 2), "••••" + lastDigits(m.payer().accountNumber(), 4), m.paymentDay(),
                m.lodgedOn(), m.createdAt(), m.createdBy(),
                mandates.history(m).stream().map(e -> new Event(e.at(), e.event(), e.detail(), e.by())).toList()));
    }

    static String lastDigits(String value, int n) {
        String digits = value.replaceAll("\\D", "");
        return digits.substring(Math.max(0, digits.length() - n));
    }
}
