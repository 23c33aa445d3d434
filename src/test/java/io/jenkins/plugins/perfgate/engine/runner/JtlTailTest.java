package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a result file as JMeter appends to it: cut lines, quoted fields over lines, bad rows. */
class JtlTailTest {

    @TempDir
    Path dir;

    private static final String HEADER = "timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,"
            + "success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n";

    private void append(Path f, String s) throws Exception {
        Files.writeString(f, s, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void onlyCompleteRowsAreReturnedAndQuotedNewlinesJoinRows() throws Exception {
        Path f = dir.resolve("r.jtl");
        JtlTail tail = new JtlTail(ResultFile.of(f, "gen-1"));
        assertTrue(tail.poll().isEmpty(), "no file yet");
        append(f, HEADER + "1700000000000,12,home,200,OK,users 1-1,text,true,,10,5,2,2,http://x/,10,0,1\n"
                + "1700000000010,30,lo");
        List<JtlTail.Row> rows = tail.poll();
        assertEquals(List.of(new JtlTail.Row(1700000000000L, 12, true, 2, "users 1-1", "home", "OK")), rows);
        append(f, "gin,500,\"Server, busy\",users 1-2,text,false,\"line one\nline \"\"two\"\"\",1,1,2,3,"
                + "http://x/login,29,0,2\n");
        rows = tail.poll();
        assertEquals(List.of(new JtlTail.Row(1700000000010L, 30, false, 3, "users 1-2", "login",
                "Server, busy")), rows);
        append(f, "garbage,row\n1700000000020,7,home,200,OK,users 1-1,text,true,,10,5,2,1,http://x/,7,0,0\n");
        rows = tail.poll();
        assertEquals(1, rows.size());
        assertEquals(1, tail.malformed());
    }

    @Test
    void aMultiByteCharacterCutBetweenPollsIsKeptWhole() throws Exception {
        Path f = dir.resolve("u.jtl");
        JtlTail tail = new JtlTail(ResultFile.of(f, "gen-1"));
        byte[] row = "1700000000000,5,caf\u00e9,200,OK,t\u00e9 1-1,text,true,,1,1,1,1,u,1,0,0\n"
                .getBytes(StandardCharsets.UTF_8);
        append(f, HEADER);
        Files.write(f, java.util.Arrays.copyOf(row, 20), StandardOpenOption.APPEND);
        assertTrue(tail.poll().isEmpty());
        Files.write(f, java.util.Arrays.copyOfRange(row, 20, row.length), StandardOpenOption.APPEND);
        assertEquals("t\u00e9 1-1", tail.poll().get(0).threadName());
    }

    @Test
    void distributedThreadNamesAreAttributedToTheirServer() {
        ResultFile file = new ResultFile(Path.of("c.jtl"), "", List.of("127.0.0.2:1099", "127.0.0.3:1099"));
        assertEquals("127.0.0.3:1099", file.generatorOf("127.0.0.3:1099-users 1-1"));
        assertEquals("unattributed", file.generatorOf("users 1-1"));
    }
}
