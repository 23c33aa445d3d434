package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.runner.plan.DataFile;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ships CSV data files to a generator's folder: the whole file, or with {@code split} every {@code count}-th row
 * starting at the generator's index (so shares differ by at most one row and no row is used twice), the header
 * repeated in each share. Returns the properties that point the template at the generator's copies.
 */
public final class DataFiles {
    private DataFiles() {
    }

    public static Map<String, String> ship(List<DataFile> files, Path generatorDir, int index, int count)
            throws IOException {
        Map<String, String> props = new LinkedHashMap<>();
        if (files.isEmpty()) {
            return props;
        }
        Path dataDir = generatorDir.resolve("data");
        Files.createDirectories(dataDir);
        for (DataFile file : files) {
            Path target = dataDir.resolve(file.path().getFileName());
            if (!file.split() || count == 1) {
                Files.copy(file.path(), target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                split(file, target, index, count);
            }
            props.put(file.property(), target.toAbsolutePath().toString());
        }
        return props;
    }

    private static void split(DataFile file, Path target, int index, int count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            writeShare(file, index, count, out, System.lineSeparator());
        }
    }

    /**
     * The bytes generator {@code index} of {@code count} gets: the whole file unchanged, or with {@code split} its
     * rows as {@link #ship} writes them (lines ended by {@code \n}).
     */
    public static byte[] share(DataFile file, int index, int count) throws IOException {
        if (!file.split() || count == 1) {
            return Files.readAllBytes(file.path());
        }
        StringWriter out = new StringWriter();
        writeShare(file, index, count, out, "\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void writeShare(DataFile file, int index, int count, Writer out, String newline)
            throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
            String line;
            long row = 0;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                if (first && file.header()) {
                    out.write(line);
                    out.write(newline);
                    first = false;
                    continue;
                }
                first = false;
                if (row++ % count == index) {
                    out.write(line);
                    out.write(newline);
                }
            }
        }
    }
}
