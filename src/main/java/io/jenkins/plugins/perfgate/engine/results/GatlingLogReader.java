package io.jenkins.plugins.perfgate.engine.results;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Gatling 3.x {@code simulation.log}: the binary log of Gatling 3.13 on, or hands the tab-separated text log
 * of earlier 3.x releases to {@link GatlingTextLogReader}. Each REQUEST record becomes one sample labelled like
 * Gatling's report ({@code group / name}); USER records give the active users; GROUP, ERROR and the run's assertions
 * are skipped. Not thread-safe: one per file.
 *
 * <p>The binary layout (Gatling's {@code LogFileDataWriter}): big-endian; a record is a header byte (0 run, 1
 * request, 2 user, 3 group, 4 error) and its fields; times are int milliseconds after the run start written in the
 * run record; a string is an int byte length, the bytes of Java's internal string value and its coder byte (0
 * Latin-1, 1 UTF-16), or just 0 when empty; a "cached" string is an int index, positive before a string seen for the
 * first time, negative for one seen before. A binary log cannot be resynchronised after a damaged record, so reading
 * stops there: what was read before is kept and the problem says which record and byte.
 */
final class GatlingLogReader {

    private static final int RUN = 0;
    private static final int REQUEST = 1;
    private static final int USER = 2;
    private static final int GROUP = 3;
    private static final int ERROR = 4;
    /** Longest string accepted (Gatling writes labels and messages, not bodies). */
    private static final int MAX_STRING = 1 << 20;
    private static final int MAX_GROUPS = 256;
    /** Strings kept for the cache indexes; past this the log is rejected (a garbage index would blow the heap). */
    private static final int MAX_CACHED = 1 << 22;

    private final ProblemLog log;
    private final ToolSamples out;
    private final List<String> cached = new ArrayList<>();
    private BinaryInput in;
    private long runStart;
    private long record;

    GatlingLogReader(ProblemLog log, ToolSamples out) {
        this.log = log;
        this.out = out;
        cached.add(null); // indexes start at 1
    }

    /** Whether the bytes start like a binary Gatling log: a run record whose first field is a 3.x version. */
    static boolean isBinaryLog(byte[] b, int start, int len) {
        if (len - start < 7 || b[start] != RUN) {
            return false;
        }
        int n = ((b[start + 1] & 0xff) << 24) | ((b[start + 2] & 0xff) << 16) | ((b[start + 3] & 0xff) << 8)
                | (b[start + 4] & 0xff);
        int v = start + 5;
        if (n < 3 || n > 40 || v + n >= len || b[v] < '3' || b[v] > '9' || b[v + 1] != '.' || b[v + n] != 0) {
            return false;
        }
        for (int i = v; i < v + n; i++) {
            if (b[i] < 0x20 || b[i] > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /** Reads the whole log; returns the samples passed on. */
    long read(InputStream stream) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(stream, 1 << 12);
        buffered.mark(1);
        int first = buffered.read();
        buffered.reset();
        if (first != RUN) {
            return new GatlingTextLogReader(out).read(buffered);
        }
        in = new BinaryInput(buffered);
        long recordStart = 0;
        try {
            record = 1;
            in.readByte();
            readRun();
            while (true) {
                record++;
                recordStart = in.offset();
                int header = in.read();
                if (header < 0) {
                    break;
                }
                switch (header) {
                    case REQUEST -> readRequest(recordStart);
                    case USER -> readUser();
                    case GROUP -> skipGroup();
                    case ERROR -> {
                        cachedString();
                        in.readInt();
                    }
                    default -> {
                        log.malformed(0, "", at(recordStart) + "unknown record type " + header
                                + "; the rest of the file is skipped");
                        return done();
                    }
                }
            }
        } catch (EOFException e) {
            log.truncatedTail(0, at(recordStart) + "the file ends inside this record (a run stopped mid-write)");
        } catch (BadRecord e) {
            log.malformed(0, "", at(recordStart) + e.getMessage() + "; the rest of the file is skipped");
        }
        return done();
    }

    private long done() {
        return out.finish();
    }

    private String at(long offset) {
        return "record " + record + " (byte " + offset + "): ";
    }

    private void readRun() throws IOException {
        String version = string();
        if (!version.startsWith("3.")) {
            throw new BadRecord("run record of Gatling " + version + ", expected a Gatling 3.x log");
        }
        string(); // simulation class
        runStart = in.readLong();
        string(); // description
        int scenarios = count("scenarios", 1 << 16);
        for (int i = 0; i < scenarios; i++) {
            string();
        }
        int assertions = count("assertions", 1 << 16);
        for (int i = 0; i < assertions; i++) {
            in.skip(count("assertion bytes", MAX_STRING));
        }
    }

    private void readRequest(long recordStart) throws IOException {
        int groups = count("groups", MAX_GROUPS);
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < groups; i++) {
            label.append(cachedString()).append(" / ");
        }
        String name = cachedString();
        long start = in.readInt();
        long end = in.readInt();
        boolean ok = in.readByte() != 0;
        String message = cachedString();
        if (end < start) {
            // an unmatched incoming message (WebSocket, MQTT) has no response time
            log.malformed(0, "end", at(recordStart) + "ends before it starts (" + start + " > " + end
                    + " ms after the run start), skipped");
            return;
        }
        String fullName = groups == 0 ? name : label.append(name).toString();
        out.accept(new Sample(runStart + start, end - start, fullName, "", "", "", ok, ok ? "" : message, 0, 0,
                out.active(), 0, 0));
    }

    private void readUser() throws IOException {
        in.readInt(); // scenario
        boolean start = in.readByte() != 0;
        in.readInt();
        out.active(out.active() + (start ? 1 : -1));
    }

    private void skipGroup() throws IOException {
        int groups = count("groups", MAX_GROUPS);
        for (int i = 0; i < groups; i++) {
            cachedString();
        }
        in.readInt();
        in.readInt();
        in.readInt();
        in.readByte();
    }

    private int count(String what, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new BadRecord("expected a count of " + what + " between 0 and " + max + ", found " + n);
        }
        return n;
    }

    private String cachedString() throws IOException {
        int index = in.readInt();
        if (index >= 0) {
            String s = string();
            if (index != cached.size()) {
                throw new BadRecord("expected string index " + cached.size() + ", found " + index);
            }
            if (cached.size() >= MAX_CACHED) {
                throw new BadRecord("more than " + MAX_CACHED + " distinct strings");
            }
            cached.add(s);
            return s;
        }
        if (index == Integer.MIN_VALUE || -index >= cached.size()) {
            throw new BadRecord("expected the index of a string written before (1 to " + (cached.size() - 1)
                    + "), found " + -(long) index);
        }
        return cached.get(-index);
    }

    private String string() throws IOException {
        int length = in.readInt();
        if (length == 0) {
            return "";
        }
        if (length < 0 || length > MAX_STRING) {
            throw new BadRecord("expected a string length between 0 and " + MAX_STRING + ", found " + length);
        }
        byte[] bytes = in.readBytes(length);
        int coder = in.readByte();
        String s;
        if (coder == 0) {
            s = new String(bytes, StandardCharsets.ISO_8859_1);
        } else if (coder == 1 && length % 2 == 0) {
            // Java's internal UTF-16 in the writer's byte order: little-endian on the platforms Gatling runs on
            s = new String(bytes, StandardCharsets.UTF_16LE);
        } else {
            throw new BadRecord("expected a string coder 0 (Latin-1) or 1 (UTF-16), found " + coder);
        }
        return s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0 ? s
                : s.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    }

    /** A record whose content is not what Gatling writes. */
    private static final class BadRecord extends IOException {
        private static final long serialVersionUID = 1L;

        BadRecord(String message) {
            super(message);
        }
    }

    /** Big-endian reads through a buffer of its own, counting the bytes (for problem reports). */
    private static final class BinaryInput {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int limit;
        /** Stream offset of {@code buf[0]}. */
        private long base;

        BinaryInput(InputStream in) {
            this.in = in;
        }

        long offset() {
            return base + pos;
        }

        /** Whether at least {@code n} (at most the buffer's size) bytes are buffered after filling. */
        private boolean fill(int n) throws IOException {
            if (limit - pos >= n) {
                return true;
            }
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
            while (limit < n) {
                int r = in.read(buf, limit, buf.length - limit);
                if (r < 0) {
                    return false;
                }
                limit += r;
            }
            return true;
        }

        /** The next byte, or -1 at the end. */
        int read() throws IOException {
            return fill(1) ? buf[pos++] & 0xff : -1;
        }

        int readByte() throws IOException {
            if (!fill(1)) {
                throw new EOFException();
            }
            return buf[pos++] & 0xff;
        }

        int readInt() throws IOException {
            if (!fill(4)) {
                throw new EOFException();
            }
            byte[] b = buf;
            int p = pos;
            pos = p + 4;
            return ((b[p] & 0xff) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
        }

        long readLong() throws IOException {
            return ((long) readInt() << 32) | (readInt() & 0xffffffffL);
        }

        byte[] readBytes(int n) throws IOException {
            byte[] out = new byte[n];
            int done = 0;
            while (done < n) {
                if (!fill(1)) {
                    throw new EOFException();
                }
                int k = Math.min(n - done, limit - pos);
                System.arraycopy(buf, pos, out, done, k);
                pos += k;
                done += k;
            }
            return out;
        }

        void skip(int n) throws IOException {
            readBytes(n);
        }
    }
}
