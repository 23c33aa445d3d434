package io.jenkins.plugins.perfgate.engine.results;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jenkins.plugins.perfgate.engine.FuzzLimits;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the CSV and XML result readers through {@link ResultFileReader} (format sniffing, gzip, both parsers):
 * any bytes read or fail with {@link ResultsReadException}, never another exception or a hang. Each target starts
 * its input with the format's usual opening so the fuzzer spends its time in that parser.
 */
class ResultReadersFuzzTest {

    private static final byte[] CSV_HEADER = ("timeStamp,elapsed,label,responseCode,responseMessage,threadName,"
            + "dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n"
            .getBytes(StandardCharsets.UTF_8);

    private static final Path FILE = tempFile();

    @FuzzTest(maxDuration = FuzzLimits.DURATION, maxExecutions = FuzzLimits.EXECUTIONS)
    void csv(@NotNull byte[] rows) {
        read(CSV_HEADER, rows);
    }

    @FuzzTest(maxDuration = FuzzLimits.DURATION, maxExecutions = FuzzLimits.EXECUTIONS)
    void xml(@NotNull byte[] body) {
        read(XML_HEAD, body);
    }

    /** Any bytes at all: sniffing, gzip, both parsers. */
    @FuzzTest(maxDuration = FuzzLimits.DURATION, maxExecutions = FuzzLimits.EXECUTIONS)
    void anyFile(@NotNull byte[] content) {
        read(new byte[0], content);
    }

    private static void read(byte[] head, byte[] body) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        try {
            Files.write(FILE, all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            new ResultFileReader(ReadOptions.defaults()).read(FILE, sample -> {
                if (sample.label() == null) {
                    throw new AssertionError("a sample without a label");
                }
            });
        } catch (ResultsReadException expected) {
            if (expected.getMessage() == null || !expected.getMessage().contains(FILE.toString())) {
                throw new AssertionError("a read error that does not name the file: " + expected.getMessage(),
                        expected);
            }
        }
    }

    private static Path tempFile() {
        try {
            Path f = Files.createTempFile("perfgate-fuzz-", ".jtl");
            f.toFile().deleteOnExit();
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
