package io.jenkins.plugins.perfgate.engine.runner;

import java.nio.file.Path;
import java.util.List;

/**
 * A JMeter CSV result file on this machine that grows while the run goes on.
 *
 * @param path         the file
 * @param generator    the generator whose samples it holds; empty when {@code threadPrefixes} attribute them
 * @param threadPrefixes generator ids whose samples carry {@code <id>-} before the thread name (JMeter's
 *                     distributed mode names remote threads {@code host:port-Group 1-1})
 */
public record ResultFile(Path path, String generator, List<String> threadPrefixes) {

    public ResultFile {
        threadPrefixes = List.copyOf(threadPrefixes);
    }

    public static ResultFile of(Path path, String generator) {
        return new ResultFile(path, generator, List.of());
    }

    /** The generator a sample of this file belongs to, from its thread name. */
    public String generatorOf(String threadName) {
        if (!generator.isEmpty()) {
            return generator;
        }
        for (String prefix : threadPrefixes) {
            if (threadName.startsWith(prefix + "-")) {
                return prefix;
            }
        }
        return "unattributed";
    }
}
