package io.jenkins.plugins.perfgate.engine.runner;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A CSV result file read record by record, for the runner's small passes over a controller's result file: a record
 * goes on over the next line while a quoted field is open (JMeter quotes fields that hold line breaks).
 */
final class CsvRecords implements Closeable {
    private final BufferedReader in;
    private final StringBuilder record = new StringBuilder();

    CsvRecords(Path file) throws IOException {
        in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** The next record, without its last line break; null at the end (a record whose quote never closes too). */
    String next() throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            record.append(line);
            if (JtlTail.quotes(record) % 2 != 0) {
                record.append('\n');
                continue;
            }
            String text = record.toString();
            record.setLength(0);
            return text;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
