package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The time zone of formatted timestamps is looked up only when a timestamp needs it: this machine's zone costs a
 * cold process ~10 ms (the time zone database), and JMeter's default timestamps are milliseconds.
 */
class TimestampZoneTest {

    private static long parse(TimestampParser p, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return p.parse(b, 0, b.length);
    }

    @Test
    void theZoneIsAskedForAtTheFirstFormattedTimestampOnly() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        AtomicInteger asked = new AtomicInteger();
        TimestampParser p = new TimestampParser(Optional.empty(), () -> {
            asked.incrementAndGet();
            return paris;
        });
        assertEquals(1_700_000_000_123L, parse(p, "1700000000123"));
        assertEquals(Long.MIN_VALUE, parse(p, "not a time"));
        assertEquals(0, asked.get(), "milliseconds and non-timestamps need no zone");

        long expected = LocalDateTime.of(2024, 7, 1, 12, 30, 5, 678_000_000).atZone(paris).toInstant().toEpochMilli();
        assertEquals(expected, parse(p, "2024/07/01 12:30:05.678"));
        assertEquals(expected + 1000, parse(p, "2024/07/01 12:30:06.678"));
        assertEquals(1, asked.get(), "asked once");
    }

    @Test
    void theDefaultsUseThisMachinesZoneWhenAsked() {
        ReadOptions defaults = ReadOptions.defaults();
        assertEquals(ZoneId.systemDefault(), defaults.zone());
        assertEquals(defaults, ReadOptions.defaults());
        ZoneId utc = ZoneId.of("UTC");
        assertEquals(utc, defaults.withZone(utc).zone());
        assertThrows(NullPointerException.class, () -> defaults.withZone(null));
        // a configured pattern is still checked when the options are made, not at the first timestamp
        assertThrows(IllegalArgumentException.class, () -> defaults.withTimestampFormat("yyyy-MM-dd pp"));
    }
}
