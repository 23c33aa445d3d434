package io.jenkins.plugins.perfgate.engine.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a whole file so that readers, and whoever finds the file after a crash, see either the old content or the
 * new one, never a mix or a truncated file: the content goes to a temporary file in the same folder, is forced to
 * the disk, and is renamed over the target; the folder is then forced too, so the rename itself survives a crash.
 */
public final class AtomicFiles {

    /** Writes a file's content to a stream (closing it only flushes it). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void writeString(Path target, String content) throws IOException {
        writeBytes(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Replaces {@code target} (its folder created when missing) with what {@code content} writes. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    /**
     * Replaces {@code target} as {@link #writeBytes} does, but leaves the folder unforced: the file is whole under
     * its name at once and after a crash (the old content or the new one), yet the rename itself may be lost in a
     * crash until the caller forces the folder with {@link #syncFolder}. For several files of one folder and one
     * {@code syncFolder} after them (the HTML report's charts before its page), each folder force being a wait of
     * ~1 ms on a disk.
     */
    public static void writeBytesUnforcedFolder(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content), false);
    }

    private static void write(Path target, Content content, boolean forceFolder) throws IOException {
        Path dir = Objects.requireNonNull(target.toAbsolutePath().getParent(), "a file has a parent folder");
        Files.createDirectories(dir);
        // a new name of our own, created with the permissions any new file gets here (createTempFile would make
        // summaries and reports private to their writer). It need not be unguessable: CREATE_NEW never opens an
        // existing file or follows a link, so a name taken (by chance or on purpose) fails the write, it never
        // lets another write into it; ThreadLocalRandom, since a SecureRandom's set-up was ~10 ms of CPU in a
        // cold process (docs/performance.md, "The cold process")
        Path tmp = dir.resolve("." + target.getFileName() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush(); // the channel stays open until it is forced below
                    }
                };
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            if (forceFolder) {
                syncFolder(dir);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Forces a folder's entries (a rename, a new file) to the disk. Where folders cannot be opened (Windows) the
     * rename is as durable as the file system makes it.
     */
    public static void syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here: nothing more can be done portably
        }
    }
}
