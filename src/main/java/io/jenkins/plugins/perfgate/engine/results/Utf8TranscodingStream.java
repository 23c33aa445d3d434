package io.jenkins.plugins.perfgate.engine.results;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a stream in another encoding, as UTF-8: for the rare XML result file that declares an encoding
 * other than UTF-8 ({@link XmlScanner} reads UTF-8 only). Bytes that are not valid in that encoding fail the read
 * with a {@link java.nio.charset.CharacterCodingException}.
 */
final class Utf8TranscodingStream extends BulkInputStream {

    private final Reader reader;
    private final char[] chars = new char[8192];
    /** A high surrogate read last, held until its pair comes. */
    private int held;
    private byte[] bytes = new byte[0];
    private int at;

    Utf8TranscodingStream(InputStream in, Charset charset) {
        this.reader = new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (at >= bytes.length) {
            int n = reader.read(chars, held, chars.length - held);
            if (n < 0) {
                if (held == 0) {
                    return -1;
                }
                n = 0;
                held = 0; // a lone high surrogate at the end: written as '?'
                bytes = new String(chars, 0, 1).getBytes(StandardCharsets.UTF_8);
                at = 0;
                break;
            }
            int total = held + n;
            held = total > 0 && Character.isHighSurrogate(chars[total - 1]) ? 1 : 0;
            bytes = new String(chars, 0, total - held).getBytes(StandardCharsets.UTF_8);
            if (held == 1) {
                chars[0] = chars[total - 1];
            }
            at = 0;
        }
        int n = Math.min(len, bytes.length - at);
        System.arraycopy(bytes, at, b, off, n);
        at += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
