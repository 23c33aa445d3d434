package io.jenkins.plugins.perfgate.engine.results;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jenkins.plugins.perfgate.engine.FuzzLimits;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the CSV and XML result readers through {@link ResultFileReader} (format sniffing, gzip, both parsers):
 * any bytes read or fail with {@link ResultsReadException}, never another exception or a hang. Each target starts
 * its input with the format's usual opening so the fuzzer spends its time in that parser. The CSV and XML targets
 * read from memory (writing a file per input made them ~5 times slower); {@link #anyFile} goes through a real file.
 */
class ResultReadersFuzzTest {

    private static final byte[] CSV_HEADER = ("timeStamp,elapsed,label,responseCode,responseMessage,threadName,"
            + "dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testResults version=\"1.2\">\n"
            .getBytes(StandardCharsets.UTF_8);

    private static final Path FILE = tempFile();
    /** The file name the in-memory targets give the reader (its errors must name it). */
    private static final String NAME = "fuzz-input.jtl";

    @FuzzTest(maxDuration = FuzzLimits.DURATION, maxExecutions = FuzzLimits.EXECUTIONS)
    void csv(@NotNull byte[] rows) {
        readInMemory(CSV_HEADER, rows);
    }

    @FuzzTest(maxDuration = FuzzLimits.DURATION, maxExecutions = FuzzLimits.EXECUTIONS)
    void xml(@NotNull byte[] body) {
        readInMemory(XML_HEAD, body);
    }

    /** Any bytes at all: sniffing, gzip, both parsers. */
    @FuzzTest(maxDuration = FuzzLimits.DURATION, maxExecutions = FuzzLimits.EXECUTIONS)
    void anyFile(@NotNull byte[] content) {
        read(new byte[0], content);
    }

    private static void read(byte[] head, byte[] body) {
        try {
            Files.write(FILE, concat(head, body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(FILE.toString(),
                () -> new ResultFileReader(ReadOptions.defaults()).read(FILE, ResultReadersFuzzTest::accept));
    }

    private static void readInMemory(byte[] head, byte[] body) {
        check(NAME, () -> new ResultFileReader(ReadOptions.defaults()).read(NAME,
                new ByteArrayInputStream(concat(head, body)), false, ResultReadersFuzzTest::accept));
    }

    private interface Read {
        void run() throws ResultsReadException;
    }

    private static void check(String name, Read read) {
        try {
            read.run();
        } catch (ResultsReadException expected) {
            if (expected.getMessage() == null || !expected.getMessage().contains(name)) {
                throw new AssertionError("a read error that does not name the file: " + expected.getMessage(),
                        expected);
            }
        }
    }

    private static void accept(Sample sample) {
        if (sample.label() == null) {
            throw new AssertionError("a sample without a label");
        }
    }

    private static byte[] concat(byte[] head, byte[] body) {
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
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
