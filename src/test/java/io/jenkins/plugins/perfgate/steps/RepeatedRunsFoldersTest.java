package io.jenkins.plugins.perfgate.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import hudson.FilePath;
import io.jenkins.plugins.perfgate.engine.gate.RepeatedRuns;
import io.jenkins.plugins.perfgate.engine.results.ReadOptions;
import io.jenkins.plugins.perfgate.engine.stats.AggregationOptions;
import io.jenkins.plugins.perfgate.engine.summary.RunSummary;
import io.jenkins.plugins.perfgate.engine.summary.Summarizer;
import io.jenkins.plugins.perfgate.engine.summary.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders beside the repetitions' rep-N folders (rep-x, a huge number) are not repetitions and fail nothing. */
class RepeatedRunsFoldersTest {

    @TempDir
    Path out;

    private void summaryIn(String folder, int elapsed) throws Exception {
        Path jtl = out.resolve(folder + ".jtl");
        Files.writeString(jtl, "timeStamp,elapsed,label,responseCode,success\n1000," + elapsed + ",a,200,true\n");
        RunSummary s = new Summarizer(AggregationOptions.defaults(), ReadOptions.defaults())
                .summarize(List.of(Summarizer.Source.of(jtl)));
        SummaryJson.write(s, out.resolve(folder).resolve("summary.json"));
    }

    @Test
    void onlyRepNFoldersAreRepetitionsInTheOrderOfN() throws Exception {
        summaryIn("rep-10", 10);
        summaryIn("rep-2", 2);
        summaryIn("rep-x", 99);
        summaryIn("rep-99999999999", 98);
        RepeatedRuns runs = WorkspaceRun.repeatedRuns(new FilePath(out.toFile()));
        assertEquals(List.of(2L, 10L), runs.candidate().stream().map(r -> r.overall().max()).toList());
    }
}
