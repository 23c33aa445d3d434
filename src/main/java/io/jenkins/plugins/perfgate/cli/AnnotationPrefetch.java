package io.jenkins.plugins.perfgate.cli;

import java.lang.reflect.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Mixin;

/**
 * Reads the annotations of the command that is about to run on a second thread while picocli starts on the main
 * one. The JVM makes each annotation a dynamic proxy whose class it generates at the first use of its type (no AOT
 * cache holds them): about half of picocli's ~55 ms CPU of a {@code report} start (docs/performance.md). The JVM
 * caches what was read, so picocli finds it ready; the core that does it is otherwise idle this early. It then
 * makes the reflective accessors of the annotated fields ({@link #prepareAccess}). A warm-up only: whatever it
 * fails on, picocli meets again and reports.
 */
final class AnnotationPrefetch {

    private AnnotationPrefetch() {
    }

    /**
     * Starts reading the annotations of {@code commands}, their fields, those of their mixins, and of picocli's
     * standard help options ({@code mixinStandardHelpOptions}).
     */
    static void start(Class<?>... commands) {
        if (Boolean.getBoolean("perfgate.noPrefetch")) {
            return;
        }
        Thread t = new Thread(() -> read(commands), "perfgate-annotations");
        t.setDaemon(true);
        t.start();
    }

    /** Reads them now; returns how many annotations it read. */
    static int read(Class<?>... commands) {
        Deque<Class<?>> todo = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        int annotations = 0;
        for (Class<?> c : commands) {
            todo.add(c);
        }
        try {
            // package-private in picocli: by name
            todo.add(Class.forName("picocli.CommandLine$AutoHelpMixin", false,
                    AnnotationPrefetch.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            // another picocli: its standard options are read by picocli alone
        }
        List<Field> bound = new ArrayList<>();
        try {
            while (!todo.isEmpty()) {
                for (Class<?> c = todo.poll(); c != null && c != Object.class && seen.add(c); c = c.getSuperclass()) {
                    annotations += c.getAnnotations().length;
                    for (Field f : c.getDeclaredFields()) {
                        int n = f.getAnnotations().length;
                        annotations += n;
                        if (n > 0) {
                            bound.add(f);
                        }
                        if (f.isAnnotationPresent(Mixin.class)) {
                            todo.add(f.getType());
                        }
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // picocli reads the same annotations next and reports what is wrong with them
        }
        // one field of each kind first (the lambda forms are made per kind of field: each primitive type, and
        // references), since picocli soon needs them on the main thread; then the others' own accessors
        Set<Class<?>> kinds = new HashSet<>();
        List<Field> rest = new ArrayList<>();
        for (Field f : bound) {
            if (kinds.add(f.getType().isPrimitive() ? f.getType() : Object.class)) {
                prepareAccess(f);
            } else {
                rest.add(f);
            }
        }
        for (Field f : rest) {
            prepareAccess(f);
        }
        return annotations;
    }

    /**
     * Makes the reflective accessor that picocli's get and set of an option's field use: the JVM builds it of
     * method handles whose lambda forms it generates at run time (about a dozen for a {@code report} run, one kind
     * per field type, none in the AOT cache). Made here, it is shared with the field objects picocli gets later.
     */
    private static void prepareAccess(Field f) {
        try {
            f.setAccessible(true);
            f.get(null); // the accessor is made first; an instance field then refuses the null
        } catch (RuntimeException | IllegalAccessException | LinkageError e) {
            // nothing to warm: picocli's own access says what is wrong
        }
    }
}
