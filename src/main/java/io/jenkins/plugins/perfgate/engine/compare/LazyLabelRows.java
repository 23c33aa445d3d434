package io.jenkins.plugins.perfgate.engine.compare;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * A run's label rows decoded when first asked for: a history index of 1,000 builds x 50 labels is read for the
 * overall row's trend without building 50,000 rows, and a build's rows are decoded once, the first time one of them
 * is looked up. The reader has checked the encoded rows before (their number is known); the decoder runs at most
 * once, then the encoded form is dropped. Rows are sorted by label when decoded, as {@link RunFigures} requires.
 * Thread-safe and, to its users, immutable.
 */
public final class LazyLabelRows extends AbstractList<LabelFigures> implements RandomAccess {
    private final int size;
    private Supplier<List<LabelFigures>> decoder;
    private volatile List<LabelFigures> rows;

    /**
     * @param size    the number of rows the decoder will give
     * @param decoder decodes the rows (any order); must give {@code size} rows
     */
    public LazyLabelRows(int size, Supplier<List<LabelFigures>> decoder) {
        this.size = size;
        this.decoder = Objects.requireNonNull(decoder);
    }

    private List<LabelFigures> rows() {
        List<LabelFigures> r = rows;
        if (r == null) {
            synchronized (this) {
                r = rows;
                if (r == null) {
                    List<LabelFigures> decoded = new ArrayList<>(decoder.get());
                    if (decoded.size() != size) {
                        throw new IllegalStateException("decoded " + decoded.size() + " label rows, " + size
                                + " expected");
                    }
                    decoded.sort(Comparator.comparing(LabelFigures::label));
                    r = List.copyOf(decoded);
                    rows = r;
                    decoder = null; // the encoded rows it holds are not needed any more
                }
            }
        }
        return r;
    }

    /** Whether the rows have been decoded (for tests and benchmarks). */
    public boolean decoded() {
        return rows != null;
    }

    @Override
    public LabelFigures get(int index) {
        return rows().get(index);
    }

    @Override
    public int size() {
        return size;
    }
}
