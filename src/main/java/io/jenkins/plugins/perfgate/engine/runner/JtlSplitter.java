package io.jenkins.plugins.perfgate.engine.runner;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a distributed run's result file (written by the controller) into one file per server, by the
 * {@code host:port-} prefix JMeter gives remote thread names, so every generator gets its own statistics.
 * Records are copied verbatim (quoted multi-line fields included), the header into every file.
 */
public final class JtlSplitter {
    private JtlSplitter() {
    }

    /** Returns the file written for each generator id that had samples (and {@code unattributed} if needed). */
    public static Map<String, Path> split(ResultFile file, Path outDir) throws IOException {
        Map<String, Path> paths = new LinkedHashMap<>();
        Map<String, BufferedWriter> writers = new LinkedHashMap<>();
        Files.createDirectories(outDir);
        try (CsvRecords records = new CsvRecords(file.path())) {
            String header = null;
            int threadColumn = -1;
            String text;
            while ((text = records.next()) != null) {
                if (header == null) {
                    header = text;
                    threadColumn = JtlTail.split(text).indexOf("threadName");
                    if (threadColumn < 0) {
                        throw new IOException(file.path() + ": no threadName column to split by generator");
                    }
                    continue;
                }
                List<String> fields = JtlTail.split(text);
                String id = fields.size() > threadColumn ? file.generatorOf(fields.get(threadColumn))
                        : "unattributed";
                BufferedWriter w = writers.get(id);
                if (w == null) {
                    Path p = outDir.resolve(id.replace(':', '_') + ".jtl");
                    w = Files.newBufferedWriter(p, StandardCharsets.UTF_8);
                    w.write(header);
                    w.newLine();
                    writers.put(id, w);
                    paths.put(id, p);
                }
                w.write(text);
                w.newLine();
            }
        } finally {
            for (BufferedWriter w : writers.values()) {
                w.close();
            }
        }
        return paths;
    }
}
