package io.jenkins.plugins.perfgate.engine.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetupFailuresTest {

    @TempDir
    Path dir;

    @Test
    void findsTheReporterSamplesByLabelAndAttributesThemByServer() throws Exception {
        Path jtl = dir.resolve("results.jtl");
        Files.writeString(jtl, """
                timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage
                1,2,item,200,OK,h1:1-items 1-1,text,true,
                1,2,item,500,"mentions perfgate data files, but is a sample of the template",h1:1-items 1-1,text,false,
                1,3,perfgate data files,500,"perfgate: jmeter-server h2:2 could not write data file a.csv into /t: java.io.IOException: no space, left",h2:2-perfgate data files 1-1,text,false,
                1,2,item,200,"multi
                line",h1:1-items 1-2,text,true,
                """);
        Map<String, String> failures = DataSetupFailures.find(new ResultFile(jtl, "", List.of("h1:1", "h2:2")));
        assertEquals(Map.of("h2:2", "perfgate: jmeter-server h2:2 could not write data file a.csv into /t: "
                + "java.io.IOException: no space, left"), failures);
        assertEquals(Map.of(), DataSetupFailures.find(new ResultFile(dir.resolve("none.jtl"), "", List.of())));
    }
}
