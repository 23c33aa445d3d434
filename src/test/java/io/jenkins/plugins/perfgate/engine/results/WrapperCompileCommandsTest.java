package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JIT commands {@code bin/perfgate} passes name methods that exist: the JVM ignores a command whose pattern
 * matches no method, so a renamed or moved method would lose its command without a word.
 */
class WrapperCompileCommandsTest {

    private static final Pattern COMMAND = Pattern.compile("-XX:CompileCommand=(\\w+),([\\w.$]+)::(\\w+)");

    @Test
    void everyMethodTheWrapperNamesIsDeclaredByItsClass() throws Exception {
        String wrapper = Files.readString(Path.of("bin/perfgate"));
        Matcher m = COMMAND.matcher(wrapper);
        List<String> named = new ArrayList<>();
        while (m.find()) {
            Class<?> type = Class.forName(m.group(2));
            String method = m.group(3);
            assertTrue(Arrays.stream(type.getDeclaredMethods()).anyMatch(x -> x.getName().equals(method)),
                    m.group() + ": no method " + method + " in " + type.getName());
            named.add(m.group(1) + " " + type.getSimpleName() + "::" + method);
        }
        // the row loop's compilation thresholds (docs/performance.md, "The warm-up on a slower machine")
        assertEquals(List.of("CompileThresholdScaling CsvJtlReader::parse"), named);
    }
}
