package io.jenkins.plugins.perfgate.engine.results;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads JMeter's {@code timeStamp}: epoch milliseconds, or a date written with
 * {@code jmeter.save.saveservice.timestamp_format}. Without a configured format it tries the formats JMeter's own
 * CSV reader falls back to. Not thread-safe (remembers the format that matched last): one per reader.
 */
final class TimestampParser {

    /** The formats JMeter's CSVSaveService tries when a timestamp is not in milliseconds. */
    static final List<String> JMETER_FALLBACK_FORMATS = List.of("yyyy/MM/dd HH:mm:ss.SSS", "yyyy/MM/dd HH:mm:ss",
            "yyyy-MM-dd HH:mm:ss.SSS", "yyyy-MM-dd HH:mm:ss", "MM/dd/yy HH:mm:ss");

    private final Optional<String> configured;
    private final Supplier<ZoneId> zoneLookup;
    // both only for timestamps that are not milliseconds, so made at the first one: the formatters are ~5 ms of
    // CPU and this machine's zone ~10 ms (the time zone database) in a cold process (docs/performance.md)
    private List<DateTimeFormatter> formatters;
    private ZoneId zone;
    private DateTimeFormatter lastMatch;

    TimestampParser(Optional<String> configured, ZoneId zone) {
        this(configured, () -> zone);
    }

    /** @param zoneLookup the zone, asked for at the first formatted timestamp without an offset */
    TimestampParser(Optional<String> configured, Supplier<ZoneId> zoneLookup) {
        this.configured = configured;
        this.zoneLookup = zoneLookup;
    }

    private List<DateTimeFormatter> formatters() {
        if (formatters == null) {
            List<DateTimeFormatter> list = new ArrayList<>();
            configured.filter(p -> !"ms".equals(p)).ifPresent(p -> list.add(formatter(p)));
            for (String p : JMETER_FALLBACK_FORMATS) {
                list.add(formatter(p));
            }
            formatters = list;
        }
        return formatters;
    }

    static void validatePattern(String pattern) {
        if (!"ms".equals(pattern)) {
            formatter(pattern);
        }
    }

    private static DateTimeFormatter formatter(String pattern) {
        try {
            return DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.SMART);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid timestamp format '" + pattern + "': " + e.getMessage(), e);
        }
    }

    /** Epoch milliseconds of a field, or {@link Long#MIN_VALUE} when it is no timestamp. */
    long parse(byte[] buf, int from, int to) {
        if (from >= to) {
            return Long.MIN_VALUE;
        }
        long v = Digits.parse(buf, from, to);
        if (v != Digits.INVALID) {
            return v;
        }
        return parseText(new String(buf, from, to - from, StandardCharsets.UTF_8));
    }

    /** Epoch milliseconds of a text, or {@link Long#MIN_VALUE} when it is no timestamp. */
    long parseText(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Long.MIN_VALUE;
        }
        if (t.chars().allMatch(c -> c >= '0' && c <= '9') && t.length() <= 18) {
            return Long.parseLong(t);
        }
        if (lastMatch != null) {
            long v = tryFormat(lastMatch, t);
            if (v != Long.MIN_VALUE) {
                return v;
            }
        }
        for (DateTimeFormatter f : formatters()) {
            if (f == lastMatch) {
                continue;
            }
            long v = tryFormat(f, t);
            if (v != Long.MIN_VALUE) {
                lastMatch = f;
                return v;
            }
        }
        return Long.MIN_VALUE;
    }

    private long tryFormat(DateTimeFormatter f, String text) {
        try {
            TemporalAccessor parsed = f.parse(text);
            if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
                return parsed.getLong(ChronoField.INSTANT_SECONDS) * 1000
                        + (parsed.isSupported(ChronoField.MILLI_OF_SECOND)
                                ? parsed.getLong(ChronoField.MILLI_OF_SECOND) : 0);
            }
            LocalDate date = parsed.query(TemporalQueries.localDate());
            if (date == null) {
                return Long.MIN_VALUE;
            }
            java.time.LocalTime time = parsed.query(TemporalQueries.localTime());
            LocalDateTime ldt = time == null ? date.atStartOfDay() : date.atTime(time);
            if (zone == null) {
                zone = zoneLookup.get();
            }
            return ldt.atZone(zone).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            return Long.MIN_VALUE;
        }
    }
}
