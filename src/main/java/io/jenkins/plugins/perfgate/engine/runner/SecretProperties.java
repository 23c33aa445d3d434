package io.jenkins.plugins.perfgate.engine.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Template properties that are secrets (tokens, passwords): they reach perfgate in the environment variable
 * {@value #VARIABLE} (a JSON object of names and values; Jenkins fills it from string credentials), never in a plan
 * file or on a command line. JMeter gets them from a properties file readable by this user only, in a private
 * folder, passed with {@code -q} (and {@code -G} to existing jmeter-servers) and deleted after the run; the summary
 * records only their names. The variable itself never reaches JMeter ({@link SecretVariables}).
 */
public final class SecretProperties {

    /** The environment variable that carries them. */
    public static final String VARIABLE = "PERFGATE_SECRET_PROPERTIES";

    private SecretProperties() {
    }

    /** The secret properties in {@code env}; none when the variable is unset or empty. */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        String json = env.get(VARIABLE);
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            // never quote the text: it holds the secrets
            throw new IllegalArgumentException(VARIABLE + " is not a JSON object of property names and values");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(VARIABLE + " is not a JSON object of property names and values");
        }
        Map<String, String> props = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (name.isEmpty() || name.contains("=") || name.chars().anyMatch(Character::isWhitespace)
                    || !e.getValue().isTextual()) {
                throw new IllegalArgumentException(VARIABLE + ": property '" + name + "' needs a name without "
                        + "blanks or '=' and a text value");
            }
            props.put(name, e.getValue().asText());
        }
        return props;
    }

    /** Writes the properties to a new file readable only by this user, in a new private folder. */
    public static Path write(Map<String, String> props) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path dir = posix ? Files.createTempDirectory("perfgate-secrets-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory("perfgate-secrets-");
        Path file = dir.resolve("secret.properties");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Properties p = new Properties();
        p.putAll(props);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.ISO_8859_1)) {
            p.store(w, null); // escapes what needs escaping; non-Latin-1 characters as \\uXXXX
        }
        return file;
    }

    /** Deletes a file {@link #write} made, and its folder. */
    public static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Path dir = file.getParent();
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            // the folder is private to this user; nothing better to do than leave it
        }
    }
}
