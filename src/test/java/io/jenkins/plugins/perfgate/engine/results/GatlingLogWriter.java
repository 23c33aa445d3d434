package io.jenkins.plugins.perfgate.engine.results;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a binary Gatling 3.13 {@code simulation.log} record by record, in the layout of Gatling's
 * {@code LogFileDataWriter} (io.gatling.core.stats.writer, v3.13.5): big-endian, a header byte per record, times as
 * int milliseconds after the run start, strings as length + Latin-1 bytes + coder byte, repeated strings as cache
 * indexes. For tests of bad input and for the benchmark's million-sample log; the real thing is checked against
 * Gatling itself in GatlingSimulationLogTest.
 */
public final class GatlingLogWriter implements AutoCloseable {

    private final DataOutputStream out;
    private final long runStart;
    private final Map<String, Integer> cache = new HashMap<>();

    /** Writes the run record of a simulation started at {@code runStart} (epoch ms) with one scenario. */
    public GatlingLogWriter(OutputStream stream, String version, long runStart) throws IOException {
        this.out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
        this.runStart = runStart;
        out.writeByte(0);
        string(version);
        string("perfgate.BenchSimulation");
        out.writeLong(runStart);
        string("");
        out.writeInt(1);
        string("scenario");
        out.writeInt(0);
    }

    public void user(boolean start, long time) throws IOException {
        out.writeByte(2);
        out.writeInt(0);
        out.writeBoolean(start);
        out.writeInt((int) (time - runStart));
    }

    public void request(List<String> groups, String name, long start, long end, boolean ok, String message)
            throws IOException {
        out.writeByte(1);
        out.writeInt(groups.size());
        for (String g : groups) {
            cached(g);
        }
        cached(name);
        out.writeInt((int) (start - runStart));
        out.writeInt((int) (end - runStart));
        out.writeBoolean(ok);
        cached(message);
    }

    /** Any bytes, for damaged logs. */
    public void raw(byte... bytes) throws IOException {
        out.write(bytes);
    }

    private void cached(String s) throws IOException {
        Integer index = cache.get(s);
        if (index != null) {
            out.writeInt(-index);
            return;
        }
        index = cache.size() + 1;
        cache.put(s, index);
        out.writeInt(index);
        string(s);
    }

    private void string(String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        out.writeInt(b.length);
        if (b.length > 0) {
            out.write(b);
            out.writeByte(0);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
