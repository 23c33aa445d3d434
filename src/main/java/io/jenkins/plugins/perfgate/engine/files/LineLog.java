package io.jenkins.plugins.perfgate.engine.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An append-only file of lines (such as a JSON-lines index) that survives crashes. Each line is appended with one
 * write and forced to the disk. A process killed in the middle of a write leaves a last line without its line end:
 * before the file is read or appended to, that torn fragment is moved to {@code NAME.torn} and reported, so it is
 * never glued to the next entry (which would lose both) and never silently dropped.
 */
public final class LineLog {

    /** The end of a torn fragment quoted in the warning. */
    private static final int QUOTED = 120;

    private LineLog() {
    }

    /** Where torn fragments of {@code file} are set aside, one per line. */
    public static Path tornFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".torn");
    }

    /**
     * Makes sure the file ends with a line end. A last line without one is kept (its line end added) when
     * {@code complete} accepts it, else set aside in {@link #tornFile} and cut off. Returns the warning to report
     * when something was set aside.
     */
    public static Optional<String> repairTail(Path file, Predicate<String> complete) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            if (size == 0 || lastByte(ch, size) == '\n') {
                return Optional.empty();
            }
            long start = lastLineStart(ch, size);
            if (size - start > Integer.MAX_VALUE - 16) {
                throw new IOException(file + ": a last line of " + (size - start) + " bytes without a line end");
            }
            ByteBuffer frag = ByteBuffer.allocate((int) (size - start));
            while (frag.hasRemaining() && ch.read(frag, start + frag.position()) > 0) {
                // reading the fragment
            }
            String text = new String(frag.array(), 0, frag.position(), StandardCharsets.UTF_8);
            if (complete.test(text)) {
                writeFully(ch, ByteBuffer.wrap(new byte[] {'\n'}), size);
                ch.force(false);
                return Optional.empty();
            }
            Path torn = tornFile(file);
            appendRaw(torn, (text + "\n").getBytes(StandardCharsets.UTF_8));
            ch.truncate(start);
            ch.force(true);
            String quoted = text.length() > QUOTED ? text.substring(0, QUOTED) + "..." : text;
            return Optional.of(file.getFileName() + ": its last entry was cut short (" + (size - start)
                    + " bytes, a write interrupted by a crash or a full disk) and was set aside in " + torn.getFileName()
                    + ": " + quoted);
        }
    }

    /**
     * Appends one line (its line end added) after repairing a torn tail; returns the repair's warning, if any.
     */
    public static Optional<String> append(Path file, String line, Predicate<String> complete) throws IOException {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a log line holds no line end");
        }
        Files.createDirectories(Objects.requireNonNull(file.toAbsolutePath().getParent(), "a file has a folder"));
        Optional<String> warning = repairTail(file, complete);
        appendRaw(file, (line + "\n").getBytes(StandardCharsets.UTF_8));
        return warning;
    }

    private static void appendRaw(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(false);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b, at + b.position());
        }
    }

    private static byte lastByte(FileChannel ch, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        ch.read(one, size - 1);
        return one.get(0);
    }

    /** The offset just after the last line end, or 0 when the file holds none. */
    private static long lastLineStart(FileChannel ch, long size) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        long end = size;
        while (end > 0) {
            long from = Math.max(0, end - buf.capacity());
            buf.clear().limit((int) (end - from));
            while (buf.hasRemaining() && ch.read(buf, from + buf.position()) > 0) {
                // reading one block backwards
            }
            for (int i = buf.position() - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return from + i + 1;
                }
            }
            end = from;
        }
        return 0;
    }
}
