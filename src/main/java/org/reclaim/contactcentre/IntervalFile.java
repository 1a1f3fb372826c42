package org.reclaim.contactcentre;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reclaim.shared.Csv;
import org.reclaim.shared.InvalidInput;

/**
 * Reads a telephony system's interval export (CSV) into intervals, or refuses the whole file with every bad line's
 * number and reason (the header is line 1). Nothing here touches the database.
 * <p>
 * The header names the columns, in any order, case and spacing ignored: {@code Queue}, {@code Interval Start} (ISO
 * date-time, {@code 2026-03-02T09:00}, or with an offset, read as UK time) or {@code Date} and {@code Time}
 * ({@code 2026-03-02} or {@code 02/03/2026}; {@code 09:00}), {@code Interval Minutes}, {@code Offered}, {@code Answered},
 * {@code Abandoned}, and optionally {@code Answered Within SL}. Other columns are ignored (and named in the answer).
 * Counts are whole numbers. The file must end with a line break: a file cut short in transit ends part-way through a
 * line, and a count cut short ("95" to "9") would otherwise be read as a smaller one.
 */
final class IntervalFile {

    /** One interval's figures, from line {@code line}; {@code startsAt} is UK local time. */
    record Interval(int line, String queue, LocalDateTime startsAt, int minutes, int offered, int answered, int abandoned,
                    @Nullable Integer answeredWithinServiceLevel) {
        LocalDateTime endsAt() {
            return startsAt.plusMinutes(minutes);
        }
    }

    record Parsed(List<Interval> intervals, List<String> ignoredColumns) {
    }

    static final int MAX_LINE = 2_000;
    static final int MAX_LINES = 1_000_000;
    /** Calls in one interval of one queue: far above any council's contact centre, low enough to catch a garbled number. */
    static final int MAX_CALLS = 1_000_000;
    static final int MAX_QUEUE = 100;
    /** At most this many bad lines are listed; the answer says how many more there were. */
    static final int MAX_LISTED = 1_000;
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern COUNT = Pattern.compile("\\d{1,7}");
    private static final DateTimeFormatter ISO_DATE = strict("uuuu-MM-dd");
    private static final DateTimeFormatter UK_DATE = strict("dd/MM/uuuu");
    private static final DateTimeFormatter TIME = strict("HH:mm[:ss]");
    private static final DateTimeFormatter LOCAL_DATE_TIME = strict("uuuu-MM-dd['T'][' ']HH:mm[:ss]");

    enum Column {
        QUEUE("queue", "queuename"),
        START("intervalstart", "start", "intervalstartat"),
        DATE("date", "intervaldate"),
        TIME("time", "intervaltime", "starttime"),
        MINUTES("intervalminutes", "intervallength", "intervallengthminutes", "minutes"),
        OFFERED("offered", "callsoffered"),
        ANSWERED("answered", "callsanswered"),
        ABANDONED("abandoned", "callsabandoned"),
        WITHIN_SL("answeredwithinsl", "answeredwithinservicelevel", "withinsl");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        static @Nullable Column named(String header) {
            String key = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            for (Column c : values()) {
                if (c.names.contains(key)) {
                    return c;
                }
            }
            return null;
        }
    }

    private IntervalFile() {
    }

    static Parsed parse(byte[] content, LocalDateTime now) {
        List<String> text = lines(content);
        if (text.stream().allMatch(String::isBlank)) {
            throw refused("line 1: the file is empty; it starts with a header such as "
                    + "'Queue,Interval Start,Interval Minutes,Offered,Answered,Abandoned'");
        }
        List<String> ignored = new ArrayList<>();
        Map<Column, Integer> columns = header(text.get(0), ignored);
        int width = Csv.fields(text.get(0), new ArrayList<>()).size();
        List<String> errors = new ArrayList<>();
        List<Interval> intervals = new ArrayList<>();
        int badLines = 0;
        for (int i = 1; i < text.size(); i++) {
            String raw = text.get(i);
            if (raw.isBlank()) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            Interval interval = line(i + 1, raw, width, columns, now, reasons);
            if (interval == null) {
                badLines++;
                if (errors.size() < MAX_LISTED) {
                    errors.add("line " + (i + 1) + ": " + String.join("; ", reasons));
                }
            } else {
                intervals.add(interval);
            }
        }
        if (content.length > 0 && content[content.length - 1] != '\n') {
            badLines++;
            errors.add("line " + text.size() + ": the file ends part-way through a line (no line break after it): it may have been "
                    + "cut short; send the whole file");
        }
        overlaps(intervals, errors);
        if (errors.size() > MAX_LISTED) {
            errors = new ArrayList<>(errors.subList(0, MAX_LISTED));
        }
        if (!errors.isEmpty()) {
            int more = badLines - Math.min(badLines, MAX_LISTED);
            if (more > 0) {
                errors.add("and " + more + " more bad lines");
            }
            throw InvalidInput.of(errors.stream().map(e -> new InvalidInput.FieldError("file", e)).toList());
        }
        if (intervals.isEmpty()) {
            throw refused("line 2: the file has its header but no intervals");
        }
        return new Parsed(intervals, ignored);
    }

    private static Map<Column, Integer> header(String first, List<String> ignored) {
        List<String> reasons = new ArrayList<>();
        List<String> names = first.length() > MAX_LINE ? null : Csv.fields(first, reasons);
        if (names == null) {
            throw refused("line 1: not a CSV header" + (reasons.isEmpty() ? "" : ": " + reasons.get(0)));
        }
        Map<Column, Integer> columns = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            Column c = Column.named(name);
            if (c == null) {
                ignored.add(CsvLine.shorten(name));
            } else if (columns.putIfAbsent(c, i) != null) {
                problems.add("the column '" + CsvLine.shorten(name) + "' is there twice");
            }
        }
        boolean oneStart = columns.containsKey(Column.START);
        boolean dateAndTime = columns.containsKey(Column.DATE) && columns.containsKey(Column.TIME);
        if (oneStart && (columns.containsKey(Column.DATE) || columns.containsKey(Column.TIME))) {
            problems.add("give the interval's start either as 'Interval Start' or as 'Date' and 'Time', not both");
        } else if (!oneStart && !dateAndTime) {
            problems.add("missing the interval's start: an 'Interval Start' column, or 'Date' and 'Time'");
        }
        for (Column required : List.of(Column.QUEUE, Column.MINUTES, Column.OFFERED, Column.ANSWERED, Column.ABANDONED)) {
            if (!columns.containsKey(required)) {
                problems.add("missing the column '" + required.names.get(0) + "' (" + switch (required) {
                    case QUEUE -> "Queue";
                    case MINUTES -> "Interval Minutes";
                    case OFFERED -> "Offered";
                    case ANSWERED -> "Answered";
                    default -> "Abandoned";
                } + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw refused("line 1: " + String.join("; ", problems));
        }
        return columns;
    }

    private static @Nullable Interval line(int number, String raw, int width, Map<Column, Integer> columns, LocalDateTime now,
                                           List<String> reasons) {
        if (raw.length() > MAX_LINE) {
            reasons.add("the line is longer than " + MAX_LINE + " characters");
            return null;
        }
        List<String> fields = Csv.fields(raw, reasons);
        if (fields == null) {
            return null;
        }
        if (fields.size() != width) {
            reasons.add((fields.size() < width ? "missing fields" : "too many fields") + ": expected " + width + ", found " + fields.size());
            return null;
        }
        String queue = fields.get(columns.get(Column.QUEUE)).strip();
        if (queue.isEmpty()) {
            reasons.add("no queue");
        } else if (queue.length() > MAX_QUEUE) {
            reasons.add("the queue's name is longer than " + MAX_QUEUE + " characters");
        }
        LocalDateTime start = columns.containsKey(Column.START)
                ? start(fields.get(columns.get(Column.START)).strip(), reasons)
                : start(fields.get(columns.get(Column.DATE)).strip(), fields.get(columns.get(Column.TIME)).strip(), reasons);
        if (start != null && start.isAfter(now)) {
            reasons.add("the interval starts in the future (" + start + ")");
        } else if (start != null && start.toLocalDate().isBefore(EARLIEST)) {
            reasons.add("the interval starts before " + EARLIEST);
        }
        Integer minutes = count(fields, columns, Column.MINUTES, "interval minutes", reasons);
        if (minutes != null && (minutes < 1 || minutes > 1440)) {
            reasons.add("interval minutes must be 1 to 1440, found " + minutes);
        }
        Integer offered = count(fields, columns, Column.OFFERED, "offered", reasons);
        Integer answered = count(fields, columns, Column.ANSWERED, "answered", reasons);
        Integer abandoned = count(fields, columns, Column.ABANDONED, "abandoned", reasons);
        Integer withinSl = null;
        if (columns.containsKey(Column.WITHIN_SL) && !fields.get(columns.get(Column.WITHIN_SL)).isBlank()) {
            withinSl = count(fields, columns, Column.WITHIN_SL, "answered within SL", reasons);
        }
        if (offered != null && answered != null && abandoned != null && (long) answered + abandoned > offered) {
            reasons.add("answered (" + answered + ") and abandoned (" + abandoned + ") add up to more than offered (" + offered + ")");
        }
        if (withinSl != null && answered != null && withinSl > answered) {
            reasons.add("answered within SL (" + withinSl + ") is more than answered (" + answered + ")");
        }
        if (!reasons.isEmpty() || start == null || minutes == null || offered == null || answered == null || abandoned == null) {
            return null;
        }
        return new Interval(number, queue, start, minutes, offered, answered, abandoned, withinSl);
    }

    private static @Nullable Integer count(List<String> fields, Map<Column, Integer> columns, Column column, String name, List<String> reasons) {
        String text = fields.get(columns.get(column)).strip();
        if (text.isEmpty()) {
            reasons.add("no " + name);
            return null;
        }
        if (!COUNT.matcher(text).matches() || Integer.parseInt(text) > MAX_CALLS) {
            reasons.add(name + " must be a whole number from 0 to " + MAX_CALLS + ", found '" + CsvLine.shorten(text) + "'");
            return null;
        }
        return Integer.parseInt(text);
    }

    private static @Nullable LocalDateTime start(String text, List<String> reasons) {
        try {
            return LocalDateTime.parse(text, LOCAL_DATE_TIME);
        } catch (DateTimeException notLocal) {
            try {
                return OffsetDateTime.parse(text).atZoneSameInstant(UK).toLocalDateTime();
            } catch (DateTimeException e) {
                reasons.add("bad interval start '" + CsvLine.shorten(text) + "': expected an ISO date-time such as 2026-03-02T09:00");
                return null;
            }
        }
    }

    private static @Nullable LocalDateTime start(String date, String time, List<String> reasons) {
        LocalDate day = null;
        for (DateTimeFormatter f : List.of(ISO_DATE, UK_DATE)) {
            try {
                day = LocalDate.parse(date, f);
            } catch (DateTimeException e) {
                // try the next layout
            }
        }
        if (day == null) {
            reasons.add("bad date '" + CsvLine.shorten(date) + "': expected 2026-03-02 or 02/03/2026");
        }
        LocalTime at = null;
        try {
            at = LocalTime.parse(time, TIME);
        } catch (DateTimeException e) {
            reasons.add("bad time '" + CsvLine.shorten(time) + "': expected 09:00 or 09:00:00");
        }
        return day == null || at == null ? null : day.atTime(at);
    }

    /** Two intervals of one queue may not cover the same minutes: the same start twice, or one running into the next. */
    private static void overlaps(List<Interval> intervals, List<String> errors) {
        Map<String, List<Interval>> byQueue = new HashMap<>();
        intervals.forEach(i -> byQueue.computeIfAbsent(i.queue(), q -> new ArrayList<>()).add(i));
        List<String> found = new ArrayList<>();
        for (List<Interval> queue : byQueue.values()) {
            queue.sort(Comparator.comparing(Interval::startsAt).thenComparingInt(Interval::line));
            for (int k = 1; k < queue.size(); k++) {
                Interval before = queue.get(k - 1);
                Interval next = queue.get(k);
                if (next.startsAt().equals(before.startsAt())) {
                    found.add(Math.max(before.line(), next.line()) + ": the same queue and interval start as line "
                            + Math.min(before.line(), next.line()));
                } else if (next.startsAt().isBefore(before.endsAt())) {
                    found.add(Math.max(before.line(), next.line()) + ": the interval overlaps line " + Math.min(before.line(), next.line())
                            + " (" + before.queue() + " from " + before.startsAt() + " for " + before.minutes() + " minutes)");
                }
            }
        }
        found.stream().sorted(Comparator.comparingInt(s -> Integer.parseInt(s.substring(0, s.indexOf(':')))))
                .forEach(s -> errors.add("line " + s));
    }

    /** The file's lines: UTF-8 (a byte-order mark is dropped), CRLF or LF endings. */
    private static List<String> lines(byte[] content) {
        List<String> lines = new ArrayList<>();
        int start = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf ? 3 : 0;
        var utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (int i = start; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                int end = i > start && content[i - 1] == '\r' ? i - 1 : i;
                if (i == content.length && end == start) {
                    break;
                }
                try {
                    lines.add(utf8.decode(ByteBuffer.wrap(content, start, end - start)).toString());
                } catch (CharacterCodingException e) {
                    if (lines.isEmpty()) {
                        throw refused("line 1: not a CSV file: the header is not UTF-8 text");
                    }
                    lines.add("\u0000");   // CsvLine refuses it as not text
                }
                if (lines.size() > MAX_LINES) {
                    throw refused("line " + lines.size() + ": a telephony file has at most " + MAX_LINES + " lines; split it");
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static InvalidInput refused(String message) {
        return InvalidInput.of("file", message);
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.UK).withResolverStyle(ResolverStyle.STRICT);
    }
}
