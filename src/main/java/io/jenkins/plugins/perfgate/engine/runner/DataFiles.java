package io.jenkins.plugins.perfgate.engine.runner;

import io.jenkins.plugins.perfgate.engine.runner.plan.DataFile;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
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
            forEachRow(file, count, (generator, line) -> {
                if (generator == EVERY || generator == index) {
                    out.write(line);
                    out.newLine();
                }
            });
        }
    }

    /** Takes a line of a data file and the generator it goes to ({@link #EVERY}: the header, to all). */
    @FunctionalInterface
    private interface RowSink {
        void accept(int generator, String line) throws IOException;
    }

    private static final int EVERY = -1;

    /**
     * The split rule, in one place: the header (when the file has one) to every generator, then row {@code r} to
     * generator {@code r % count}, so shares differ by at most one row and no row is used twice.
     */
    private static void forEachRow(DataFile file, int count, RowSink sink) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file.path(), StandardCharsets.UTF_8)) {
            String line;
            long row = 0;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                if (first && file.header()) {
                    sink.accept(EVERY, line);
                } else {
                    sink.accept((int) (row++ % count), line);
                }
                first = false;
            }
        }
    }

    /**
     * What each of {@code count} generators gets, in one pass over the file: the whole file unchanged for every one,
     * or with {@code split} the rows {@link #ship} gives generator {@code i} (lines ended by {@code \n}).
     */
    public static List<byte[]> shares(DataFile file, int count) throws IOException {
        List<byte[]> shares = new ArrayList<>();
        if (!file.split() || count == 1) {
            byte[] whole = Files.readAllBytes(file.path());
            for (int i = 0; i < count; i++) {
                shares.add(whole);
            }
            return shares;
        }
        List<StringBuilder> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new StringBuilder());
        }
        forEachRow(file, count, (generator, line) -> {
            for (StringBuilder share : generator == EVERY ? out : List.of(out.get(generator))) {
                share.append(line).append('\n');
            }
        });
        for (StringBuilder share : out) {
            shares.add(share.toString().getBytes(StandardCharsets.UTF_8));
        }
        return shares;
    }
}
