package io.jenkins.plugins.perfgate.engine.compare;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * A run's label rows, each decoded when first asked for: a history index of 1,000 builds x 50 labels is read for
 * one label's trend by decoding that label's row of each build (found by name, without decoding the others), and
 * for the overall row's trend without decoding any. The reader has checked the encoded rows and knows their labels,
 * in order; a row is decoded at most once. Thread-safe and, to its users, an immutable list sorted by label.
 */
public final class LazyLabelRows extends AbstractList<LabelFigures> implements RandomAccess {
    private final String[] names;
    private final IntFunction<LabelFigures> decoder;
    private final LabelFigures[] rows;

    /**
     * @param names   the rows' labels, sorted
     * @param decoder decodes row {@code i} (its label must be {@code names[i]})
     */
    public LazyLabelRows(String[] names, IntFunction<LabelFigures> decoder) {
        for (int i = 1; i < names.length; i++) {
            if (names[i - 1].compareTo(names[i]) > 0) {
                throw new IllegalArgumentException("label rows not sorted: " + names[i - 1] + " before " + names[i]);
            }
        }
        this.names = names.clone();
        this.decoder = Objects.requireNonNull(decoder);
        this.rows = new LabelFigures[names.length];
    }

    /** Whether the labels are sorted, as this list requires. */
    public static boolean sorted(String[] names, int size) {
        for (int i = 1; i < size; i++) {
            if (names[i - 1].compareTo(names[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public LabelFigures get(int index) {
        synchronized (rows) {
            LabelFigures r = rows[index];
            if (r == null) {
                r = decoder.apply(index);
                if (!r.label().equals(names[index])) {
                    throw new IllegalStateException("decoded row " + index + " is " + r.label() + ", not "
                            + names[index]);
                }
                rows[index] = r;
            }
            return r;
        }
    }

    /** The position of a label's row (any of them if several have it), or a negative number; decodes nothing. */
    int indexOf(String label) {
        return Arrays.binarySearch(names, label);
    }

    /** The labels, in order; decodes nothing. */
    List<String> names() {
        return List.of(names);
    }

    /** How many rows have been decoded (for tests and benchmarks). */
    public int decodedRows() {
        synchronized (rows) {
            return (int) Arrays.stream(rows).filter(Objects::nonNull).count();
        }
    }

    @Override
    public int size() {
        return names.length;
    }
}
