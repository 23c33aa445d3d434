package io.jenkins.plugins.perfgate.engine.runner.generators;

import io.jenkins.plugins.perfgate.engine.runner.Generator;
import io.jenkins.plugins.perfgate.engine.runner.JMeterProcess;

/** A generator that is one JMeter process on this machine (or one that could not be started). */
final class ProcessGenerator implements Generator {

    private final String id;
    private final JMeterProcess process;
    private final String startFailure;
    private volatile boolean killedByUs;

    private ProcessGenerator(String id, JMeterProcess process, String startFailure) {
        this.id = id;
        this.process = process;
        this.startFailure = startFailure;
    }

    static ProcessGenerator running(String id, JMeterProcess process) {
        return new ProcessGenerator(id, process, "");
    }

    static ProcessGenerator failedToStart(String id, String why) {
        return new ProcessGenerator(id, null, why);
    }

    JMeterProcess process() {
        return process;
    }

    void markKilledByUs() {
        killedByUs = true;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public State state() {
        if (process == null) {
            return State.FAILED;
        }
        if (process.alive()) {
            return State.RUNNING;
        }
        return process.exitCode() == 0 || killedByUs ? State.FINISHED : State.FAILED;
    }

    @Override
    public String failure() {
        if (process == null) {
            return "could not start: " + startFailure;
        }
        if (process.alive() || process.exitCode() == 0) {
            return "";
        }
        int code = process.exitCode();
        return "exited with code " + code + (code > 128 ? " (killed by signal " + (code - 128) + ")" : "");
    }

    @Override
    public String logTail(int lines) {
        return process == null ? startFailure + "\n" : process.tail(lines);
    }
}
