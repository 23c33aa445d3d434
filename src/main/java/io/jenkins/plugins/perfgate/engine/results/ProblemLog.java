package io.jenkins.plugins.perfgate.engine.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts the rows of one file (or one chunk of it) that could not be read and keeps the first few problems. Not
 * thread-safe: one per reader.
 */
final class ProblemLog {

    private static final Comparator<ReadProblem> BY_LINE = (a, b) -> Long.compare(a.line(), b.line());

    private final String file;
    private final int maxProblems;
    private final List<ReadProblem> problems = new ArrayList<>();
    private long malformed;
    private boolean truncatedTail;

    ProblemLog(String file, int maxProblems) {
        this.file = file;
        this.maxProblems = maxProblems;
    }

    String file() {
        return file;
    }

    /** A row that was skipped. */
    void malformed(long line, String field, String reason) {
        malformed++;
        note(line, field, reason);
    }

    /** The last row was cut off (a writer killed mid-line): skipped, not counted as malformed. */
    void truncatedTail(long line, String reason) {
        truncatedTail = true;
        note(line, "", "last row is incomplete (truncated write), skipped: " + reason);
    }

    /** A remark that does not skip a row. */
    void note(long line, String field, String reason) {
        if (problems.size() < maxProblems) {
            problems.add(new ReadProblem(file, line, field == null ? "" : field, reason));
        }
    }

    long malformed() {
        return malformed;
    }

    boolean truncated() {
        return truncatedTail;
    }

    List<ReadProblem> problems() {
        return problems;
    }

    /** A log holding what this one holds, which is emptied: the problems of one part when a reader reads several. */
    ProblemLog drained() {
        ProblemLog part = new ProblemLog(file, maxProblems);
        part.malformed = malformed;
        part.truncatedTail = truncatedTail;
        part.problems.addAll(problems);
        malformed = 0;
        truncatedTail = false;
        problems.clear();
        return part;
    }

    /**
     * Adds another chunk's log whose line numbers are relative to {@code lineOffset}; the problems stay sorted by
     * line. Sorted only when some were added: {@code Comparator.comparingLong} made its lambda class at run time
     * (the JDK's own lambdas are not in the AOT cache), a few ms of every cold parallel read with no problem at all.
     */
    void addShifted(ProblemLog other, long lineOffset) {
        malformed += other.malformed;
        truncatedTail |= other.truncatedTail;
        int before = problems.size();
        for (ReadProblem p : other.problems) {
            if (problems.size() < maxProblems) {
                problems.add(new ReadProblem(p.file(), p.line() + lineOffset, p.field(), p.reason()));
            }
        }
        if (problems.size() > before) {
            problems.sort(BY_LINE);
        }
    }
}
