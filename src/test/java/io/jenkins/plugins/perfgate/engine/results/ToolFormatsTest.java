package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample files of k6 (which cannot be installed here) written to its documented formats, Gatling's
 * text log and damaged binary logs: each is recognised by its content, read sample by sample or rejected with a
 * message naming the file, and bad input reported by file and line (record and byte for a binary log) without
 * losing what was read before it.
 *
 * <p>Formats: k6 CSV https://grafana.com/docs/k6/latest/results-output/real-time/csv/ (header
 * {@code metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,
 * scenario,service,status,subproto,tls_version,url,extra_tags,metadata} in current releases, without
 * {@code expected_response}, {@code service} and {@code metadata} in the page's older example); k6 JSON
 * https://grafana.com/docs/k6/latest/results-output/real-time/json/ ; Gatling text log as shown in
 * https://www.keycloak.org/keycloak-benchmark/benchmark-guide/latest/report/simulationlog-report (Gatling 3.4.2).
 */
class ToolFormatsTest {

    @TempDir
    Path dir;

    private final List<Sample> samples = new ArrayList<>();

    private FileReadResult read(Path f) throws ResultsReadException {
        return new ResultFileReader(ReadOptions.defaults()).read(f, samples::add);
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static final String K6_HEADER = "metric_name,timestamp,metric_value,check,error,error_code,"
            + "expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,"
            + "extra_tags,metadata\n";

    @Test
    void k6CsvRequestsBecomeSamplesAndOtherMetricsAreSkipped() throws Exception {
        Path f = file("k6.csv", K6_HEADER
                + "vus,1595325560,3.000000,,,,,,,,,,,,,,,,\n"
                + "http_reqs,1595325560,1.000000,,,,true,,GET,http://test.k6.io,HTTP/1.1,default,,200,,,"
                + "http://test.k6.io,,\n"
                + "http_req_duration,1595325560,221.899000,,,,true,,GET,http://test.k6.io,HTTP/1.1,default,,200,,,"
                + "http://test.k6.io,,\n"
                + "http_req_waiting,1595325560,220.280000,,,,true,,GET,http://test.k6.io,HTTP/1.1,default,,200,,,"
                + "http://test.k6.io,,\n"
                + "http_req_duration,1595325561,12.4,,,,false,,POST,login,HTTP/1.1,default,,503,,,"
                + "http://test.k6.io/login,,\n"
                + "http_req_duration,1595325562,0.5,,\"dial tcp 127.0.0.1:1: connect: connection refused\",1212,"
                + "false,,GET,http://127.0.0.1:1/,,default,,0,,,http://127.0.0.1:1/,,\n"
                + "checks,1595325562,1.000000,status is 200,,,,,,,,default,,,,,,,\n");
        FileReadResult r = read(f);
        assertEquals(JtlFormat.K6_CSV, r.format());
        assertTrue(r.problems().get(0).reason().startsWith("k6 samples: each http_req_duration point is one "
                + "request"), "what the format cannot give is said: " + r.problems());
        assertEquals(3, r.samples());
        assertEquals(0, r.malformedLines());
        Sample ok = samples.get(0);
        assertEquals("http://test.k6.io", ok.label());
        assertEquals(222, ok.elapsed());
        assertEquals(1_595_325_560_000L - 222, ok.timeStamp(), "k6 stamps a request when it ends");
        assertEquals("200", ok.responseCode());
        assertTrue(ok.success());
        assertEquals(3, ok.allThreads());
        Sample failed = samples.get(1);
        assertEquals("login", failed.label());
        assertFalse(failed.success());
        assertEquals("503", failed.responseCode());
        assertEquals("dial tcp 127.0.0.1:1: connect: connection refused", samples.get(2).failureMessage());
        assertFalse(samples.get(2).success());
    }

    @Test
    void k6CsvOfOlderReleasesWithoutExpectedResponseTakesTheStatus() throws Exception {
        // the documentation page's example layout
        Path f = file("old.csv", "metric_name,timestamp,metric_value,check,error,error_code,group,method,name,"
                + "proto,scenario,status,subproto,tls_version,url,extra_tags\n"
                + "http_req_duration,1595325560,221.899000,,,,,GET,http://test.k6.io,HTTP/1.1,default,200,,,"
                + "http://test.k6.io,\n"
                + "http_req_duration,1595325560,30,,,,,GET,http://test.k6.io,HTTP/1.1,default,404,,,"
                + "http://test.k6.io,\n");
        FileReadResult r = read(f);
        assertEquals(2, r.samples());
        assertTrue(samples.get(0).success());
        assertFalse(samples.get(1).success());
        assertEquals("unexpected response status 404", samples.get(1).failureMessage());
    }

    @Test
    void badK6CsvRowsAreReportedByLineAndTheRestIsKept() throws Exception {
        Path f = file("bad.csv", K6_HEADER
                + "http_req_duration,1595325560,10,,,,true,,GET,a,,default,,200,,,http://x/a,,\n"
                + "http_req_duration,1595325560,abc,,,,true,,GET,a,,default,,200,,,http://x/a,,\n"
                + "http_req_duration,yesterday,10,,,,true,,GET,a,,default,,200,,,http://x/a,,\n"
                + "http_req_duration,1595325561,11,,,,true,,GET,a\n"
                + "http_req_duration,1595325562,12,,,,true,,GET,a,,default,,200,,,http://x/a,,\n"
                + "http_req_duration,1595325563,13,,,,true,,GET,a,,def");
        FileReadResult r = read(f);
        assertEquals(2, r.samples());
        assertEquals(3, r.malformedLines());
        assertTrue(r.truncatedTail());
        List<String> problems = r.problems().stream().skip(1).map(ReadProblem::toString).toList();
        assertEquals(f + ":3 [metric_value]: expected a number, found 'abc'", problems.get(0));
        assertTrue(problems.get(1).startsWith(f + ":4 [timestamp]: expected a k6 timestamp"), problems.get(1));
        assertTrue(problems.get(2).startsWith(f + ":5: expected 19 fields as in the header, found 10"),
                problems.get(2));
        assertTrue(problems.get(3).startsWith(f + ":7: last row is incomplete"), problems.get(3));
    }

    @Test
    void k6JsonPointsOfHttpReqDurationBecomeSamples() throws Exception {
        Path f = file("k6.json", """
                {"type":"Metric","data":{"type":"gauge","contains":"default","tainted":null,"thresholds":[],"submetrics":null},"metric":"vus"}
                {"type":"Point","data":{"time":"2017-05-09T14:34:45.625742514+02:00","value":5,"tags":null},"metric":"vus"}
                {"type":"Metric","data":{"type":"trend","contains":"time","tainted":null,"thresholds":["avg<1000"],"submetrics":null},"metric":"http_req_duration"}
                {"type":"Point","data":{"time":"2017-05-09T14:34:45.239531499+02:00","value":459.865729,"tags":{"group":"::my group::json","method":"GET","status":"200","url":"https://httpbin.test.k6.io/get","name":"https://httpbin.test.k6.io/get","expected_response":"true","scenario":"default"}},"metric":"http_req_duration"}
                {"type":"Point","data":{"time":"2017-05-09T14:34:46.1+02:00","value":1.5,"tags":{"method":"POST","status":"500","url":"https://httpbin.test.k6.io/post","name":"post it","expected_response":"false"}},"metric":"http_req_duration"}
                {"type":"Point","data":{"time":"2017-05-09T14:34:46.2+02:00","value":1,"tags":{"status":"200"}},"metric":"http_reqs"}
                """);
        FileReadResult r = read(f);
        assertEquals(JtlFormat.K6_JSON, r.format());
        assertEquals(2, r.samples());
        assertEquals(0, r.malformedLines());
        Sample first = samples.get(0);
        assertEquals("https://httpbin.test.k6.io/get", first.label());
        assertEquals(460, first.elapsed());
        assertEquals(1_494_333_285_239L - 460, first.timeStamp());
        assertEquals(5, first.allThreads());
        assertTrue(first.success());
        assertEquals("post it", samples.get(1).label());
        assertFalse(samples.get(1).success());
        assertEquals("500", samples.get(1).responseCode());
    }

    @Test
    void badK6JsonLinesAreReportedByLineAndTheRestIsKept() throws Exception {
        Path f = file("bad.json", """
                {"type":"Point","data":{"time":"2017-05-09T14:34:45Z","value":10,"tags":{"name":"a","status":"200","expected_response":"true"}},"metric":"http_req_duration"}
                {"type":"Point","data":{"time":"2017-05-09T14:34:45Z","value":10,"tags":{"name":"a"
                {"type":"Point","data":{"time":"yesterday","value":10,"tags":{"name":"a"}},"metric":"http_req_duration"}
                {"type":"Point","data":{"time":"2017-05-09T14:34:46Z","value":11,"tags":{"name":"a","status":"200","expected_response":"true"}},"metric":"http_req_duration"}
                """);
        FileReadResult r = read(f);
        assertEquals(2, r.samples());
        assertEquals(2, r.malformedLines());
        assertTrue(r.problems().get(1).toString().startsWith(f + ":2: not valid JSON"), r.problems().toString());
        assertEquals(f + ":3: data.time: expected an RFC 3339 time, found 'yesterday'",
                r.problems().get(2).toString());
    }

    @Test
    void k6JsonCompressedWithGzipIsReadToo() throws Exception {
        Path f = dir.resolve("k6.json.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(("{\"type\":\"Point\",\"data\":{\"time\":\"2017-05-09T14:34:45Z\",\"value\":10,\"tags\":"
                    + "{\"name\":\"a\",\"status\":\"200\"}},\"metric\":\"http_req_duration\"}\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        FileReadResult r = read(f);
        assertEquals(1, r.samples());
        assertTrue(r.compressed());
    }

    @Test
    void gatlingTextLogOfEarlierReleases() throws Exception {
        Path f = file("simulation.log", String.join("\n",
                "ASSERTION\tAAECAAMBAAAAAAAAAAAA",
                "RUN\tkeycloak.scenario.admin.CreateClients\tcreateclients\t1658765864198\t \t3.4.2",
                "USER\tCreate and List clients\tSTART\t1658765870186",
                "REQUEST\t\tGet service account token\t1658765870247\t1658765870430\tOK\t ",
                "REQUEST\tadmin,clients\tCreate client\t1658765870558\t1658765870653\tKO\tstatus.find.in(201), found 409",
                "GROUP\tadmin,clients\t1658765870558\t1658765870653\t95\tKO",
                "REQUEST\t\tList clients\tnot-a-time\t1658765870707\tOK\t ",
                "USER\tCreate and List clients\tEND\t1658765870731",
                "REQUEST\t\tList clients\t1658765870658\t1658765870707\tOK\t ",
                "REQUEST\t\tList clients\t16587658"));
        FileReadResult r = read(f);
        assertEquals(JtlFormat.GATLING, r.format());
        assertTrue(r.problems().get(0).reason().contains("no response codes, bytes, latency or connect times"),
                r.problems().toString());
        assertEquals(3, r.samples());
        assertEquals(1, r.malformedLines());
        assertTrue(r.truncatedTail());
        assertEquals("Get service account token", samples.get(0).label());
        assertEquals(183, samples.get(0).elapsed());
        assertEquals(1, samples.get(0).allThreads());
        assertEquals("admin / clients / Create client", samples.get(1).label());
        assertEquals("status.find.in(201), found 409", samples.get(1).failureMessage());
        assertFalse(samples.get(1).success());
        assertEquals(0, samples.get(2).allThreads());
        assertTrue(r.problems().get(1).toString().startsWith(f + ":7: expected start and end times"),
                r.problems().toString());
        assertTrue(r.problems().get(2).toString().startsWith(f + ":10: last row is incomplete"),
                r.problems().toString());
    }

    @Test
    void gatlingTextLogOf30To33WithUserIds() throws Exception {
        // Gatling 3.0-3.3 wrote the user id after REQUEST and in USER lines (LogFileDataWriter, v3.1.2 / v3.3.1)
        Path f = file("simulation.log", String.join("\n",
                "RUN\tcom.example.Shop\tshop\t1700000000000\t \t3.3.1",
                "USER\tbuyers\t1\tSTART\t1700000000000\t1700000000000",
                "REQUEST\t1\t\thome\t1700000000010\t1700000000052\tOK\t ",
                "REQUEST\t1\tcart,pay\tsubmit\t1700000000060\t1700000000160\tKO\ti/o timeout",
                "USER\tbuyers\t1\tEND\t1700000000000\t1700000000200", ""));
        FileReadResult r = read(f);
        assertEquals(JtlFormat.GATLING, r.format());
        assertEquals(2, r.samples());
        assertEquals(0, r.malformedLines());
        assertEquals("home", samples.get(0).label());
        assertEquals(42, samples.get(0).elapsed());
        assertEquals(1, samples.get(0).allThreads());
        assertEquals("cart / pay / submit", samples.get(1).label());
        assertEquals("i/o timeout", samples.get(1).failureMessage());
    }

    @Test
    void gatlingBinaryLogCutOffKeepsTheRecordsBeforeTheCut() throws Exception {
        Path f = dir.resolve("simulation.log");
        try (GatlingLogWriter w = new GatlingLogWriter(Files.newOutputStream(f), "3.13.5", 1_700_000_000_000L)) {
            w.user(true, 1_700_000_000_000L);
            for (int i = 0; i < 10; i++) {
                w.request(List.of("shop"), "home", 1_700_000_000_000L + i, 1_700_000_000_010L + 2 * i, i != 3,
                        i == 3 ? "boom" : "");
            }
        }
        byte[] whole = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(whole, whole.length - 5));
        FileReadResult r = read(f);
        assertEquals(JtlFormat.GATLING, r.format());
        assertEquals(9, r.samples());
        assertTrue(r.truncatedTail());
        assertTrue(r.problems().get(1).reason().contains("record 12 (byte "), r.problems().toString());
        assertEquals("shop / home", samples.get(0).label());
        assertEquals(1_700_000_000_000L, samples.get(0).timeStamp());
        assertEquals(10, samples.get(0).elapsed());
        assertEquals(1, samples.get(0).allThreads());
        assertEquals("boom", samples.get(3).failureMessage());
        assertFalse(samples.get(3).success());
    }

    @Test
    void gatlingBinaryLogWithAnUnknownRecordStopsThereKeepingWhatWasRead() throws Exception {
        Path f = dir.resolve("simulation.log");
        try (GatlingLogWriter w = new GatlingLogWriter(Files.newOutputStream(f), "3.13.5", 1_700_000_000_000L)) {
            w.request(List.of(), "a", 1_700_000_000_000L, 1_700_000_000_005L, true, "");
            w.raw((byte) 9, (byte) 1, (byte) 2);
            w.request(List.of(), "a", 1_700_000_000_000L, 1_700_000_000_005L, true, "");
        }
        FileReadResult r = read(f);
        assertEquals(1, r.samples());
        assertEquals(1, r.malformedLines());
        assertFalse(r.truncatedTail());
        assertTrue(r.problems().get(1).toString().contains("record 3 (byte "), r.problems().toString());
        assertTrue(r.problems().get(1).toString().contains("unknown record type 9"), r.problems().toString());
    }

    @Test
    void gatlingBinaryLogWithAStringIndexNeverWrittenIsReported() throws Exception {
        Path f = dir.resolve("simulation.log");
        try (GatlingLogWriter w = new GatlingLogWriter(Files.newOutputStream(f), "3.13.5", 1_700_000_000_000L)) {
            w.request(List.of(), "a", 1_700_000_000_000L, 1_700_000_000_005L, true, "");
            w.raw((byte) 1, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) -1, (byte) -1, (byte) -1, (byte) -50);
        }
        FileReadResult r = read(f);
        assertEquals(1, r.samples());
        assertEquals(1, r.malformedLines());
        assertTrue(r.problems().get(1).toString().contains("expected the index of a string written before (1 to 2)"
                + ", found 50"), r.problems().toString());
    }
}
