package io.jenkins.plugins.perfgate.engine.runner.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.results.Sample;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.stats.RunAggregator;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exported text formats, especially escaping of labels that contain syntax of those formats. */
class MetricsTextTest {

    private static RunSummary summary() {
        RunAggregator agg = new RunAggregator(AggregationOptions.defaults());
        String odd = "GET /a b,c=d \"q\"\\";
        for (int i = 0; i < 10; i++) {
            agg.accept(new Sample(1_700_000_000_000L + i * 100, 10 + i, odd, "200", "OK", "t", i != 3, "", 100, 10,
                    1, 5, 1));
        }
        return RunSummary.of(agg.aggregate(), AggregationOptions.defaults(), List.of(), List.of(), Map.of());
    }

    @Test
    void influxLineProtocolEscapesTagValues() {
        String lines = MetricsText.influxLines(summary(), "perf gate", "my job", "", "t.jmx", "");
        String[] rows = lines.split("\n");
        assertEquals(2, rows.length);
        assertTrue(rows[0].startsWith("perf\\ gate,job=my\\ job,build=-,template=t.jmx,label=_overall,status=COMPLETE "
                + "count=10i,errors=1i,error_pct=10.0000,"), rows[0]);
        assertTrue(rows[1].startsWith("perf\\ gate,job=my\\ job,build=-,template=t.jmx,"
                + "label=GET\\ /a\\ b\\,c\\=d\\ \"q\"\\\\,status=COMPLETE count=10i"), rows[1]);
        assertTrue(rows[1].endsWith(" " + (1_700_000_000_900L + 19)), "timestamp: end of the last sample");
        String withId = MetricsText.influxLines(summary(), "m", "j", "7", "t.jmx", "web front");
        assertTrue(withId.startsWith("m,job=j,build=7,template=t.jmx,result=web\\ front,label=_overall,"), withId);
    }

    @Test
    void prometheusTextEscapesLabelValues() {
        String text = MetricsText.prometheusText(summary());
        assertTrue(text.contains("perfgate_samples{label=\"GET /a b,c=d \\\"q\\\"\\\\\"} 10\n"), text);
        assertTrue(text.contains("perfgate_error_ratio{label=\"_overall\"} 0.100000\n"), text);
        assertTrue(text.contains("# TYPE perfgate_response_time_ms gauge\n"));
        assertTrue(text.contains("perfgate_run_complete{status=\"COMPLETE\"} 1\n"));
        assertEquals("YS9i", MetricsText.base64("a/b"));
    }

    @Test
    void liveTextHasTheAfterRunNamesWithTheRunningStatusAndActiveThreads() {
        String live = MetricsText.prometheusLive(summary(), 12, Map.of("gen-2", 4L, "gen-1", 6L));
        String after = MetricsText.prometheusText(summary());
        for (String line : after.split("\n")) {
            if (line.startsWith("perfgate_") && !line.startsWith("perfgate_run_complete")) {
                assertTrue(live.contains(line + "\n"), "live has " + line + ":\n" + live);
            }
        }
        assertTrue(live.contains("perfgate_generator_samples{generator=\"gen-1\"} 6\n"
                + "perfgate_generator_samples{generator=\"gen-2\"} 4\n"), live);
        assertTrue(live.contains("perfgate_active_threads 12\n"), live);
        assertTrue(live.contains("perfgate_run_complete{status=\"RUNNING\"} 0\n"), live);
        assertFalse(after.contains("perfgate_active_threads"), "active threads are live only");
    }

    @Test
    void theFirstLivePushBeforeAnySampleHasZerosNotErrors() {
        RunSummary empty = RunSummary.of(new RunAggregator(AggregationOptions.defaults()).aggregate(),
                AggregationOptions.defaults(), List.of(), List.of(), Map.of());
        String live = MetricsText.prometheusLive(empty, 0, Map.of("gen-1", 0L));
        assertTrue(live.contains("perfgate_samples{label=\"_overall\"} 0\n"), live);
        assertTrue(live.contains("perfgate_error_ratio{label=\"_overall\"} 0\n"), live);
        assertTrue(live.contains("perfgate_generator_samples{generator=\"gen-1\"} 0\n"), live);
        assertTrue(live.contains("perfgate_run_complete{status=\"RUNNING\"} 0\n"), live);
    }
}
