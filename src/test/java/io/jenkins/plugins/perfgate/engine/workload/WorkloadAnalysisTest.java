package io.jenkins.plugins.perfgate.engine.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadAnalysisTest {

    @TempDir
    Path dir;

    @Test
    void aGzipLogGivesTheKnownMixRatesAndThinkTime() throws Exception {
        Path log = dir.resolve("access.log.gz");
        AccessLogs.write(log, 20_000, 2_000, 1);
        WorkloadAnalysis a = new WorkloadAnalysis();
        a.read(log);
        Workload w = a.result();
        assertEquals(20_000, w.requests());
        Map<String, Double> share = w.endpoints().stream()
                .collect(Collectors.toMap(Workload.Endpoint::name, Workload.Endpoint::share));
        assertEquals(4, share.size(), share.toString());
        assertEquals(0.40, share.get("GET /items/{id}"), 0.01);
        assertEquals(0.30, share.get("GET /search"), 0.01);
        assertEquals(0.20, share.get("POST /cart/{id}"), 0.01);
        assertEquals(0.10, share.get("GET /"), 0.01);
        assertEquals("GET /items/{id}", w.endpoints().get(0).name());
        // 50 clients every 2 s: 25 requests per second on average, 50 in the second they all arrive
        assertEquals(25, w.meanPerSecond(), 0.5);
        assertEquals(50, w.peakPerSecond());
        assertEquals(2_000, w.thinkTimeMillis(), 10);
        assertEquals(0, w.malformed());
    }

    @Test
    void malformedLinesAreReportedWithLineNumbersAndTheRestKept() throws Exception {
        Path log = dir.resolve("access.log");
        String good = "1.2.3.4 - - [02/Nov/2026:10:00:00 +0000] \"GET /a/42 HTTP/1.1\" 200 5 \"-\" \"ua\"";
        Files.write(log, List.of(good, "garbage here", good.replace("02/Nov/2026", "99/Foo/2026"),
                good.replace("GET /a/42", "GET http://x/y"), "", good.replace("/a/42", "/a/43")),
                StandardCharsets.UTF_8);
        WorkloadAnalysis a = new WorkloadAnalysis();
        a.read(log);
        Workload w = a.result();
        assertEquals(2, w.requests());
        assertEquals(3, w.malformed());
        assertEquals(List.of("access.log:2: not a combined or common log line",
                "access.log:3: time '99/Foo/2026:10:00:00 +0000' is not dd/MMM/yyyy:HH:mm:ss +ZZZZ",
                "access.log:4: request target 'http://x/y' is not a path"), w.problems());
        assertEquals("GET /a/{id}", w.endpoints().get(0).name());
        assertEquals(2, w.endpoints().get(0).requests());
    }

    @Test
    void theCommonFormatParsesToo() {
        AccessLogLine l = AccessLogLine.parse("::1 - bob [02/Nov/2026:10:00:00 +0100] \"DELETE /x?y=1 HTTP/2.0\" 404 -");
        assertEquals("DELETE", l.method());
        assertEquals("/x", l.path());
        assertEquals(404, l.status());
        assertEquals("", l.userAgent());
        assertThrows(IllegalArgumentException.class, () -> AccessLogLine.parse("::1 - - [x] \"GET / HTTP/1.1\" 200 1"));
    }
}
