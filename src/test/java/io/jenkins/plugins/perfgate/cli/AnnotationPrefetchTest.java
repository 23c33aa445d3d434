package io.jenkins.plugins.perfgate.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/** The annotations read ahead of picocli: the command's, its mixins' and the standard help options'. */
class AnnotationPrefetchTest {

    private static int declared(Class<?> c) {
        int n = c.getAnnotations().length;
        for (Field f : c.getDeclaredFields()) {
            n += f.getAnnotations().length;
        }
        return n;
    }

    @Test
    void readsTheCommandItsMixinsAndTheStandardOptions() throws Exception {
        Class<?> help = Class.forName("picocli.CommandLine$AutoHelpMixin");
        int expected = declared(ReportCommand.class) + declared(LabelGroupingOptions.class)
                + declared(HtmlReportOption.class) + declared(help);
        assertEquals(expected, AnnotationPrefetch.read(ReportCommand.class));
        assertEquals(declared(help), AnnotationPrefetch.read());
    }

    @Test
    void theClassesOfACall() {
        assertArrayEquals(new Class<?>[] {ReportCommand.class}, PerfgateCli.commandClasses("report", "a.csv"));
        assertArrayEquals(new Class<?>[0], PerfgateCli.commandClasses("--version"));
        assertArrayEquals(new Class<?>[0], PerfgateCli.commandClasses("help", "report"));
        assertArrayEquals(new Class<?>[0], PerfgateCli.commandClasses("nonsense"));
        assertArrayEquals(new Class<?>[0], PerfgateCli.commandClasses());
    }
}
