package io.jenkins.plugins.perfgate.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code perfgate(...)}: the same step as {@code performanceTest(...)} under a name no other plugin uses. The
 * Performance Plugin registers {@code performanceTest} as a symbol of its Taurus builder; Pipeline resolves a step's
 * function name before symbols, so {@code performanceTest} calls perfgate even then, but {@code perfgate} says so
 * plainly.
 */
public class PerfgateAliasStep extends PerformanceTestStep {

    @DataBoundConstructor
    public PerfgateAliasStep() {
    }

    @Extension
    public static final class AliasDescriptor extends PerformanceTestStep.DescriptorImpl {
        @Override
        public String getFunctionName() {
            return "perfgate";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Run a perfgate load test (alias of performanceTest)";
        }
    }
}
