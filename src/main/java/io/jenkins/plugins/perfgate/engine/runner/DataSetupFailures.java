package io.jenkins.plugins.perfgate.engine.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which existing jmeter-servers could not write their data files, and why: the failed samples labelled
 * {@link EmbeddedDataFiles#FAILURE_LABEL} in the controller's result file, attributed by thread name. Only rows that
 * contain the label are split into fields, so a large result file costs one plain read.
 */
public final class DataSetupFailures {
    private DataSetupFailures() {
    }

    /** Server id to the reason its setup gave; empty when every server wrote its files (or no file exists). */
    public static Map<String, String> find(ResultFile file) throws IOException {
        Map<String, String> failures = new LinkedHashMap<>();
        if (!Files.isRegularFile(file.path())) {
            return failures;
        }
        try (CsvRecords records = new CsvRecords(file.path())) {
            int label = -1;
            int thread = -1;
            int message = -1;
            boolean header = true;
            String text;
            while ((text = records.next()) != null) {
                if (header) {
                    List<String> names = JtlTail.split(text);
                    label = names.indexOf("label");
                    thread = names.indexOf("threadName");
                    message = names.indexOf("responseMessage");
                    if (label < 0 || thread < 0) {
                        throw new IOException(file.path() + ": no label or threadName column");
                    }
                    header = false;
                    continue;
                }
                if (!text.contains(EmbeddedDataFiles.FAILURE_LABEL)) {
                    continue;
                }
                List<String> fields = JtlTail.split(text);
                if (fields.size() > Math.max(label, thread) && fields.get(label).equals(EmbeddedDataFiles.FAILURE_LABEL)) {
                    String why = message >= 0 && fields.size() > message ? fields.get(message) : "";
                    failures.putIfAbsent(file.generatorOf(fields.get(thread)),
                            why.isEmpty() ? "could not write its data files (see its jmeter.log)" : why);
                }
            }
        }
        return failures;
    }
}
