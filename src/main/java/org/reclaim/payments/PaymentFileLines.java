package org.reclaim.payments;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.AccountReference;
import org.reclaim.shared.Csv;
import org.reclaim.shared.InvalidInput;
import org.reclaim.shared.Money;

/**
 * Reads a payment file into lines of money received and lines rejected, each with its line number (the header is line
 * 1). A file that is not one of the layouts at all (empty, not text, the wrong header) is refused whole with an
 * {@link InvalidInput} naming the line; a bad line never stops the good ones. Nothing here touches the database.
 * <p>
 * Amounts are pounds with exactly two decimal places ("12.50", "1,250.00" in a bank export): a line cut short in
 * transit ("12.5", "12.") is rejected rather than read as a smaller sum. Dates are 31/12/2026 or 2026-12-31, never in
 * the future.
 */
final class PaymentFileLines {

    /** Money read from a line: its channel's transaction reference, the payer's reference (null if none), amount, date. */
    record Payment(int line, String transactionReference, @Nullable String reference, Money amount, LocalDate paidOn,
                   @Nullable String payerName) {
    }

    /** A line not taken as money, with why, and its text as it came so that nothing received is lost. */
    record Rejection(int line, String reason, String raw) {
    }

    /**
     * @param lines   data lines (not the header or blank lines)
     * @param skipped bank statement lines that are money paid out, not received
     */
    record Parsed(int lines, int skipped, List<Payment> payments, List<Rejection> rejections) {
    }

    static final List<String> CHANNEL_HEADER = List.of("Transaction Reference", "Payment Reference", "Amount", "Date Paid");
    static final List<String> BANK_HEADER = List.of("Date", "Description", "Paid In", "Paid Out");
    static final int MAX_LINE = 1_000;
    static final int MAX_LINES = 2_000_000;
    private static final int MAX_TRANSACTION_REFERENCE = 100;
    private static final long MAX_PENCE = 100_000_000_000L;
    private static final LocalDate EARLIEST = LocalDate.of(1993, 4, 1);   // Council Tax began on 1 April 1993
    private static final Pattern AMOUNT = Pattern.compile("£?(\\d{1,3}(?:,\\d{3})+|\\d{1,12})\\.(\\d{2})");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.UK).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.UK).withResolverStyle(ResolverStyle.STRICT);

    private PaymentFileLines() {
    }

    static Parsed parse(PaymentFileFormat format, byte[] content, LocalDate today) {
        List<String> text = lines(content);
        boolean bank = format == PaymentFileFormat.BANK_STATEMENT;
        List<String> header = bank ? BANK_HEADER : CHANNEL_HEADER;
        checkHeader(format, header, text);
        List<Payment> payments = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int lines = 0;
        int skipped = 0;
        for (int i = 1; i < text.size(); i++) {
            String raw = text.get(i);
            int number = i + 1;
            if (raw.isBlank()) {
                continue;
            }
            lines++;
            List<String> reasons = new ArrayList<>();
            List<String> fields = raw.length() > MAX_LINE ? null : Csv.fields(raw, reasons);
            if (raw.length() > MAX_LINE) {
                reasons.add("the line is longer than " + MAX_LINE + " characters");
            } else if (fields != null && fields.size() != header.size()) {
                reasons.add((fields.size() < header.size() ? "missing fields" : "too many fields") + ": expected " + header.size() + " ("
                        + String.join(", ", header) + "), found " + fields.size());
            }
            if (!reasons.isEmpty() || fields == null) {
                rejections.add(new Rejection(number, String.join("; ", reasons), printable(raw)));
                continue;
            }
            Payment payment;
            if (bank) {
                if (fields.get(2).isBlank() && !fields.get(3).isBlank()) {
                    skipped++;   // money paid out is not a payment received
                    continue;
                }
                payment = bankLine(number, fields, today, reasons, seen);
            } else {
                payment = channelLine(number, fields, today, reasons, seen);
            }
            if (payment == null) {
                rejections.add(new Rejection(number, String.join("; ", reasons), printable(raw)));
            } else {
                payments.add(payment);
            }
        }
        if (lines == 0) {
            throw InvalidInput.of("file", "line 2: the file has its header but no payment lines");
        }
        return new Parsed(lines, skipped, payments, rejections);
    }

    /** The file's lines as text: UTF-8 (a byte-order mark is dropped), CRLF or LF endings. */
    private static List<String> lines(byte[] content) {
        List<String> lines = new ArrayList<>();
        int start = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = start; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
                if (i == content.length && end == start) {
                    break;   // the end of the last line
                }
                try {
                    lines.add(utf8.decode(ByteBuffer.wrap(content, start, end - start)).toString());
                } catch (CharacterCodingException e) {
                    if (lines.isEmpty()) {
                        throw InvalidInput.of("file", "line 1: not a CSV file: the header is not UTF-8 text");
                    }
                    // a line that is not text is a bad line: kept as it came, bad bytes replaced
                    lines.add('\u0000' + new String(content, start, end - start, StandardCharsets.UTF_8));
                }
                if (lines.size() > MAX_LINES) {
                    throw InvalidInput.of("file", "line " + lines.size() + ": a payment file has at most " + MAX_LINES + " lines; split it");
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static void checkHeader(PaymentFileFormat format, List<String> header, List<String> text) {
        if (text.stream().allMatch(String::isBlank)) {
            throw InvalidInput.of("file", "line 1: the file is empty; a " + format + " file starts with the header '"
                    + String.join(",", header) + "'");
        }
        String first = text.get(0);
        List<String> fields = first.length() > MAX_LINE ? null : Csv.fields(first, new ArrayList<>());
        boolean matches = fields != null && fields.size() == header.size();
        for (int i = 0; matches && i < header.size(); i++) {
            matches = fields.get(i).trim().equalsIgnoreCase(header.get(i));
        }
        if (!matches) {
            String found = printable(first);
            throw InvalidInput.of("file", "line 1: not a " + format + " file: the header should be '" + String.join(",", header)
                    + "', found '" + (found.length() > 120 ? found.substring(0, 120) + "…" : found) + "'");
        }
    }

    private static @Nullable Payment channelLine(int number, List<String> fields, LocalDate today, List<String> reasons,
                                                 Map<String, Integer> seen) {
        String transaction = fields.get(0).trim();
        if (transaction.isEmpty()) {
            reasons.add("missing fields: no transaction reference");
        } else if (transaction.length() > MAX_TRANSACTION_REFERENCE || transaction.chars().anyMatch(Character::isISOControl)) {
            reasons.add("bad transaction reference: at most " + MAX_TRANSACTION_REFERENCE + " characters, no control characters");
        }
        Money amount = amount(fields.get(2), reasons);
        LocalDate paidOn = date(fields.get(3), today, reasons);
        String reference = fields.get(1).trim();
        if (reasons.isEmpty()) {
            Integer earlier = seen.putIfAbsent(transaction, number);
            if (earlier != null) {
                reasons.add("duplicate line: transaction reference " + transaction + " is also on line " + earlier);
            }
        }
        if (!reasons.isEmpty()) {
            return null;
        }
        return new Payment(number, transaction, reference.isEmpty() ? null : limit(reference), amount, paidOn, null);
    }

    /**
     * A bank statement line has no identity of its own, so one is derived: the date, the description (spaces and case
     * evened out), the amount, and which occurrence of that same date, description and amount in the file this line is
     * (1 for the first). It is safe because a statement export lists every credit of each day it covers, in the bank's
     * order: two exports covering the same day carry the same identical lines, so they get the same identities and the
     * second posts nothing; two genuinely separate payments that look identical (a payer paying twice in a day) get
     * occurrences 1 and 2 and are both posted; and an export that ends part-way through a day holds the first
     * occurrences of it, which a later whole-day export repeats before adding the rest. It would be wrong for an export
     * that starts part-way through a day or of two bank accounts in one file; the README says so.
     */
    private static @Nullable Payment bankLine(int number, List<String> fields, LocalDate today, List<String> reasons,
                                              Map<String, Integer> seen) {
        LocalDate paidOn = date(fields.get(0), today, reasons);
        String description = fields.get(1).trim().replaceAll("\\s+", " ");
        if (!fields.get(3).isBlank()) {
            reasons.add("both paid in and paid out on one line");
        }
        Money amount = amount(fields.get(2), reasons);
        if (!reasons.isEmpty()) {
            return null;
        }
        String identity = paidOn + "|" + description.toUpperCase(Locale.ROOT) + "|" + amount.pence();
        int occurrence = seen.merge(identity, 1, Integer::sum);
        String transaction = "stmt-" + sha256((identity + "|" + occurrence).getBytes(StandardCharsets.UTF_8)).substring(0, 40);
        String reference = referenceIn(description);
        return new Payment(number, transaction, reference != null ? reference : description.isEmpty() ? null : limit(description),
                amount, paidOn, description.isEmpty() ? null : limit(description));
    }

    /**
     * The account reference in a statement's description: the first group of twelve digits that passes the reference's
     * check digit, written together or split by spaces or hyphens ("351 0000 0123 4"); failing that, the first twelve
     * digits there are, so that the suspense reason says what was wrong; null if there are none.
     */
    static @Nullable String referenceIn(String description) {
        String[] tokens = description.split(" ");
        String firstTwelve = null;
        for (int i = 0; i < tokens.length; i++) {
            StringBuilder digits = new StringBuilder();
            for (int j = i; j < tokens.length && j < i + 6; j++) {
                String t = tokens[j].replace("-", "");
                if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    break;
                }
                digits.append(t);
                if (digits.length() == AccountReference.LENGTH) {
                    if (PayingAccounts.reference(digits.toString()).isPresent()) {
                        return digits.toString();
                    }
                    if (firstTwelve == null) {
                        firstTwelve = digits.toString();
                    }
                }
                if (digits.length() >= AccountReference.LENGTH) {
                    break;
                }
            }
        }
        return firstTwelve;
    }

    private static Money amount(String text, List<String> reasons) {
        String t = text.trim();
        var m = AMOUNT.matcher(t);
        if (t.isEmpty()) {
            reasons.add("missing fields: no amount");
            return Money.ZERO;
        }
        if (t.startsWith("-") || t.startsWith("(")) {
            reasons.add("bad amount '" + shorten(t) + "': negative; a refund or reversal is not a payment received");
            return Money.ZERO;
        }
        if (!m.matches()) {
            reasons.add("bad amount '" + shorten(t) + "': write pounds with two decimal places, e.g. 125.00");
            return Money.ZERO;
        }
        long pence = Long.parseLong(m.group(1).replace(",", "")) * 100 + Long.parseLong(m.group(2));
        if (pence == 0) {
            reasons.add("bad amount '" + t + "': must be more than zero");
        } else if (pence > MAX_PENCE) {
            reasons.add("bad amount '" + t + "': more than £1,000,000,000; check the amount");
        }
        return Money.ofPence(pence);
    }

    private static @Nullable LocalDate date(String text, LocalDate today, List<String> reasons) {
        String t = text.trim();
        if (t.isEmpty()) {
            reasons.add("missing fields: no date");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(t, t.contains("/") ? UK_DATE : ISO_DATE);
        } catch (DateTimeParseException e) {
            reasons.add("bad date '" + shorten(t) + "': write 31/12/2026 or 2026-12-31");
            return null;
        }
        if (date.isAfter(today)) {
            reasons.add("bad date " + date + ": in the future");
        } else if (date.isBefore(EARLIEST)) {
            reasons.add("bad date " + date + ": before Council Tax began");
        }
        return date;
    }

    private static String limit(String text) {
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** The line as text PostgreSQL can keep (no NUL). */
    private static String printable(String raw) {
        return (raw.startsWith("\u0000") ? raw.substring(1) : raw).replace('\u0000', '\uFFFD');
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
