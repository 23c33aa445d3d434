package io.jenkins.plugins.perfgate.engine.gate;

/**
 * A criterion that cannot be read. The message names the criterion (its number and text) and the column, and shows
 * a caret under the offending character:
 *
 * <pre>
 * criterion 2 "p95 &lt;&lt; 800ms": expected a number at column 6
 *   p95 &lt;&lt; 800ms
 *        ^
 * </pre>
 */
public final class CriteriaException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int criterionNumber;
    private final String criterion;
    private final int column;
    private final String reason;

    public CriteriaException(int criterionNumber, String criterion, int column, String reason) {
        super(message(criterionNumber, criterion, column, reason));
        this.criterionNumber = criterionNumber;
        this.criterion = criterion;
        this.column = column;
        this.reason = reason;
    }

    private static String message(int number, String criterion, int column, String reason) {
        return "criterion " + number + " \"" + criterion + "\": " + reason + " at column " + (column + 1) + "\n  "
                + criterion + "\n  " + " ".repeat(Math.max(0, column)) + "^";
    }

    /** 1-based number of the criterion in the text given. */
    public int criterionNumber() {
        return criterionNumber;
    }

    public String criterion() {
        return criterion;
    }

    /** 0-based position in the criterion of the offending character. */
    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
