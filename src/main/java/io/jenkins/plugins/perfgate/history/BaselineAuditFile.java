package io.jenkins.plugins.perfgate.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.perfgate.engine.history.BaselineMark;
import io.jenkins.plugins.perfgate.engine.history.BaselineMarks;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit list of a job's pins and accepts ({@link BaselineMarks}), in a sidecar file beside the history index
 * ({@code perfgate/baseline-marks.jsonl}, one JSON line per mark, append only): it survives restarts and the
 * index's compaction, and nothing ever rewrites who decided what. A line that cannot be read is an error naming the
 * file and line, because silently dropping a pin would gate builds against the wrong baseline.
 */
final class BaselineAuditFile {

    static final String NAME = "baseline-marks.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final File file;

    BaselineAuditFile(File folder) {
        this.file = new File(folder, NAME);
    }

    File file() {
        return file;
    }

    /** Every mark, oldest first (none when the file does not exist). Callers hold the index's lock. */
    BaselineMarks read() throws IOException {
        if (!file.isFile()) {
            return BaselineMarks.NONE;
        }
        List<BaselineMark> marks = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    marks.add(new BaselineMark(BaselineMark.Kind.parse(node.path("kind").asText()),
                            node.path("build").asLong(), node.path("user").asText(""), node.path("time").asLong(),
                            node.path("reason").asText("")));
                } catch (IOException | RuntimeException e) {
                    throw new IOException(file + " line " + n + ": " + e.getMessage(), e);
                }
            }
        }
        return new BaselineMarks(marks);
    }

    /** Appends one mark. Callers hold the index's lock. */
    void append(BaselineMark mark) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", mark.kind().text());
        n.put("build", mark.build());
        n.put("user", mark.user());
        n.put("time", mark.timeMillis());
        n.put("reason", mark.reason());
        Files.createDirectories(file.getParentFile().toPath());
        try (Writer w = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND)) {
            w.write(JSON.writeValueAsString(n));
            w.write('\n');
        }
    }
}
