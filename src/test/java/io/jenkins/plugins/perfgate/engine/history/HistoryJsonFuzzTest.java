package io.jenkins.plugins.perfgate.engine.history;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.jenkins.plugins.perfgate.engine.FuzzLimits;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;

/**
 * Fuzzes the history entry reader: any text gives an entry or a {@link HistoryFormatException} naming the
 * source, never another exception or a hang; an entry that reads writes and reads back.
 */
class HistoryJsonFuzzTest {

    @FuzzTest(maxDuration = FuzzLimits.DURATION, maxExecutions = FuzzLimits.EXECUTIONS)
    void entry(@NotNull String json) {
        HistoryEntry e;
        try {
            e = HistoryJson.fromJson(json, "fuzz-entry");
        } catch (HistoryFormatException expected) {
            if (expected.getMessage() == null || !expected.getMessage().startsWith("fuzz-entry")) {
                throw new AssertionError("a history error that does not name its source: "
                        + expected.getMessage(), expected);
            }
            return;
        }
        try {
            HistoryJson.fromJson(HistoryJson.toJson(e), "fuzz-entry");
        } catch (HistoryFormatException again) {
            throw new AssertionError("an entry that was read does not read back after writing", again);
        }
    }
}
