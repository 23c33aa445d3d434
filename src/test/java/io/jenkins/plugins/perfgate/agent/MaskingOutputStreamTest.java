package io.jenkins.plugins.perfgate.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The build log never shows a secret the command line printed, whole or as part of a longer secret. */
class MaskingOutputStreamTest {

    @Test
    void masksEveryOccurrenceLongestFirst() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (MaskingOutputStream out = new MaskingOutputStream(log, List.of("abc", "abcdef", ""))) {
            out.write("GET http://x/?t=abcdef failed; again abc\nno secret here ✓\nab"
                    .getBytes(StandardCharsets.UTF_8));
            out.write("c\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("GET http://x/?t=**** failed; again ****\nno secret here ✓\n****\n",
                log.toString(StandardCharsets.UTF_8));
    }
}
