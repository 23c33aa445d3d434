package io.jenkins.plugins.perfgate.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.perfgate.engine.files.LineLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The notes of a history ({@link Note}) in a sidecar file beside it ({@code notes.jsonl}: one JSON line per note,
 * append only, each line forced to the disk by {@link LineLog}; a line torn by a crash is set aside in
 * {@code notes.jsonl.torn} with a warning). Nothing rewrites what someone wrote. A line that cannot be read is an
 * error naming the file and line. Callers serialise writers of one file.
 */
public final class NoteLog {

    /** The file name, beside the history index (Jenkins) or in the history directory (CLI). */
    public static final String NAME = "notes.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public NoteLog(Path file) {
        this.file = file;
    }

    /** The notes file of a history kept in {@code folder}. */
    public static NoteLog in(Path folder) {
        return new NoteLog(folder.resolve(NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * Every note, oldest first (none when the file does not exist). A torn last line is set aside first; its
     * warning, if any, goes to {@code warnings}.
     */
    public List<Note> read(List<String> warnings) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        LineLog.repairTail(file, NoteLog::whole).ifPresent(warnings::add);
        List<Note> notes = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    notes.add(decode(JSON.readTree(line)));
                } catch (IOException | RuntimeException e) {
                    throw new IOException(file + " line " + n + ": " + e.getMessage(), e);
                }
            }
        }
        return notes;
    }

    /** Every note, oldest first; a torn last line is set aside silently (see {@link #read(List)}). */
    public List<Note> read() throws IOException {
        return read(new ArrayList<>());
    }

    /** Appends a note; returns the warning about a torn last line set aside first, if any. */
    public Optional<String> append(Note note) throws IOException {
        return LineLog.append(file, JSON.writeValueAsString(encode(note)), NoteLog::whole);
    }

    static ObjectNode encode(Note note) {
        ObjectNode n = JSON.createObjectNode();
        n.put("build", note.build());
        n.put("label", note.label());
        n.put("metric", note.metric());
        n.put("criterion", note.criterion());
        n.put("author", note.author());
        n.put("time", note.timeMillis());
        n.put("text", note.text());
        return n;
    }

    static Note decode(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (!n.path("build").canConvertToLong() || !n.path("time").canConvertToLong()) {
            throw new IllegalArgumentException("'build' and 'time' must be numbers");
        }
        return new Note(n.path("build").asLong(), n.path("label").asText(""), n.path("metric").asText(""),
                n.path("criterion").asText(""), n.path("author").asText(""), n.path("time").asLong(),
                n.path("text").asText(""));
    }

    private static boolean whole(String line) {
        try {
            return JSON.readTree(line) instanceof ObjectNode;
        } catch (IOException e) {
            return false;
        }
    }
}
