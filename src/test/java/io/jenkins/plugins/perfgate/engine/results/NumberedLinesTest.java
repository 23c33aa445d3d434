package io.jenkins.plugins.perfgate.engine.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NumberedLinesTest {

    @Test
    void numbersLinesAndKnowsTheLastOne() throws Exception {
        NumberedLines lines = new NumberedLines(new ByteArrayInputStream("head\r\nä\n\nlast"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals("head", lines.first());
        assertTrue(lines.advance());
        assertEquals("ä", lines.line(), "UTF-8, CRLF");
        assertEquals(2, lines.number());
        assertFalse(lines.last());
        assertTrue(lines.advance());
        assertEquals("", lines.line(), "blank lines are counted: numbers match an editor's");
        assertTrue(lines.advance());
        assertEquals(4, lines.number());
        assertTrue(lines.last());
        assertFalse(lines.advance());
        assertNull(new NumberedLines(new ByteArrayInputStream(new byte[0])).first(), "an empty file has no header");
    }

    @Test
    void aBadLineIsMalformedUnlessItIsTheLastWhichIsATornTail() throws Exception {
        NumberedLines lines = new NumberedLines(new ByteArrayInputStream("a\nb\nc".getBytes(StandardCharsets.UTF_8)));
        ProblemLog log = new ProblemLog("k6.csv", 10);
        lines.first();
        lines.advance();
        lines.problem(log, "metric_value", "expected a number");
        lines.advance();
        lines.problem(log, "timestamp", "cut");
        assertEquals(1, log.malformed(), "the torn last line is not counted as malformed");
        assertTrue(log.truncated());
        assertEquals(new ReadProblem("k6.csv", 2, "metric_value", "expected a number"), log.problems().get(0));
        assertEquals(new ReadProblem("k6.csv", 3, "", "last row is incomplete (truncated write), skipped: "
                + "timestamp: cut"), log.problems().get(1));
    }
}
