package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream whose readers read in blocks: its one-byte {@link #read()} (which the readers never use in their
 * loops, but {@link InputStream}'s contract requires) goes through the block read, so that a subclass holds its
 * logic once.
 */
abstract class BulkInputStream extends InputStream {

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
