package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.perfgate.engine.runner.plan.DataFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDataFilesTest {

    private static final List<String> SERVERS = List.of("10.0.0.1:1099", "10.0.0.2:1099");

    @TempDir
    Path dir;

    @Test
    void wholeFilesTravelOnceAndSplitFilesOncePerServerWithTheirHeader() throws Exception {
        Path users = dir.resolve("users.csv");
        Files.writeString(users, "user\nu1\nu2\nu3\n");
        Path raw = dir.resolve("päth & <odd> \"name\".csv");
        Files.writeString(raw, "x;y\r\n1;2\r\n");
        Map<String, String> v = EmbeddedDataFiles.of(List.of(new DataFile(users, "usersFile", true, true),
                new DataFile(raw, "rawFile", false, false)), SERVERS).variables();

        assertEquals("10.0.0.1:1099,10.0.0.2:1099", v.get("perfgate.servers"));
        assertEquals("2", v.get("perfgate.files"));
        assertEquals("users.csv", decode(v.get("perfgate.file.0.name")));
        assertEquals("usersFile", v.get("perfgate.file.0.property"));
        assertEquals("user\nu1\nu3\n", decode(v.get("perfgate.file.0.share.0")));
        assertEquals("user\nu2\n", decode(v.get("perfgate.file.0.share.1")));
        assertFalse(v.containsKey("perfgate.file.0.share.all"));
        assertEquals("päth & <odd> \"name\".csv", decode(v.get("perfgate.file.1.name")));
        assertEquals("x;y\r\n1;2\r\n", decode(v.get("perfgate.file.1.share.all")), "byte for byte, once");
        assertFalse(v.containsKey("perfgate.file.1.share.0"));
        String script = v.get(EmbeddedDataFiles.SCRIPT_VARIABLE);
        assertTrue(script.contains("THREAD_GROUP_DISTRIBUTED_PREFIX_PROPERTY_NAME"), "the setup script travels too");
        assertFalse(script.contains("${"), "JMeter would take ${ in a variable value for its own function call");
        assertFalse(script.contains("\\"), "JMeter would take a backslash for an escape");
        assertFalse(EmbeddedDataFiles.reportScript().contains("${"));
        for (String value : v.values()) {
            assertFalse(value.contains("${"), value);
        }
    }

    @Test
    void theSetupExpressionIsOneGroovyCallWithItsCommasEscaped() {
        String e = EmbeddedDataFiles.SETUP_EXPRESSION;
        assertTrue(e.startsWith("${__groovy(") && e.endsWith(")}"), e);
        assertFalse(e.replace("\\,", "").contains(","), "an unescaped comma would split the function's arguments");
        assertTrue(e.contains("asmResolving = false"), e);
    }

    @Test
    void moreDataThanTheLimitIsRefusedNamingTheFileAndTheLimit() throws Exception {
        Path small = dir.resolve("small.csv");
        Files.writeString(small, "id\n" + "row\n".repeat(100));
        Path big = dir.resolve("big.csv");
        Files.writeString(big, "id\n" + "row\n".repeat(300));
        IOException e = assertThrows(IOException.class, () -> EmbeddedDataFiles.of(List.of(
                new DataFile(small, "a", false, true), new DataFile(big, "b", true, true)), SERVERS, 1000));
        assertTrue(e.getMessage().startsWith("dataFiles: " + big + " brings the data embedded in the test plan for "
                + "existing jmeter-servers to "), e.getMessage());
        assertTrue(e.getMessage().contains(" to 1606 bytes (0.0 MiB), over the limit of 1000 bytes (0.0 MiB)"),
                e.getMessage());

        Path huge = dir.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(EmbeddedDataFiles.MAX_BYTES + 1); // sparse: refused by its size before it is read
        }
        e = assertThrows(IOException.class, () -> EmbeddedDataFiles.of(List.of(new DataFile(huge, "h", true, true)),
                SERVERS));
        assertTrue(e.getMessage().contains(huge + " brings the data") && e.getMessage().contains(
                "to 16777217 bytes (16.0 MiB), over the limit of 16777216 bytes (16.0 MiB); put larger files on the "
                + "servers yourself"), e.getMessage());
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
