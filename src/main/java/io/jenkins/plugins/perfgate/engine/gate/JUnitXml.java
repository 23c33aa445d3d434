package io.jenkins.plugins.perfgate.engine.gate;

import io.jenkins.plugins.perfgate.engine.files.AtomicFiles;
import io.jenkins.plugins.perfgate.engine.stats.OverallRow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a verdict as JUnit XML, so any CI (Jenkins' junit step included) shows the gate: one {@code testsuite}
 * named {@code perfgate}, one {@code testcase} per criterion and label. Jenkins' junit plugin reads the case's
 * {@code name}, {@code classname} (its last dot separates class from package), {@code time}, a {@code failure} or
 * {@code error} child (its {@code message} attribute and text), a {@code skipped} child and {@code system-out}.
 * Mapping: fail and unstable lines are failures (type {@code perfgate.fail} / {@code perfgate.unstable}); a baseline
 * criterion without baseline is skipped; warnings and passes pass, their line in {@code system-out}. The class name is
 * {@code perfgate.<label>} with dots in the label replaced by {@code _} so Jenkins does not split labels into
 * packages. Characters XML 1.0 cannot carry are replaced by U+FFFD.
 */
public final class JUnitXml {

    private JUnitXml() {
    }

    public static String toXml(Verdict verdict) {
        StringWriter out = new StringWriter();
        try {
            write(verdict, out);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML", e);
        }
        return out.toString();
    }

    public static void write(Verdict verdict, Path file) throws IOException {
        AtomicFiles.writeString(file, toXml(verdict)); // a crash never leaves half a report for the CI
    }

    private static void write(Verdict verdict, Writer out) throws XMLStreamException {
        XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        long failures = verdict.lines().stream().filter(JUnitXml::failed).count();
        long skipped = verdict.lines().stream().filter(JUnitXml::skipped).count();
        x.writeStartDocument("UTF-8", "1.0");
        x.writeCharacters("\n");
        x.writeStartElement("testsuites");
        x.writeAttribute("name", "perfgate");
        x.writeAttribute("tests", Integer.toString(verdict.lines().size()));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(skipped));
        x.writeCharacters("\n  ");
        x.writeStartElement("testsuite");
        x.writeAttribute("name", "perfgate");
        x.writeAttribute("tests", Integer.toString(verdict.lines().size()));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", "0");
        x.writeAttribute("skipped", Long.toString(skipped));
        x.writeAttribute("time", "0");
        for (VerdictLine l : verdict.lines()) {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", clean(className(l.label())));
            x.writeAttribute("name", clean(l.name()));
            x.writeAttribute("time", "0");
            if (failed(l)) {
                x.writeStartElement("failure");
                x.writeAttribute("message", clean(l.message()));
                x.writeAttribute("type", "perfgate." + l.outcome().text());
                x.writeCharacters(clean(details(l)));
                x.writeEndElement();
            } else if (skipped(l)) {
                x.writeEmptyElement("skipped");
                x.writeAttribute("message", clean(l.message()));
            }
            x.writeStartElement("system-out");
            x.writeCharacters(clean(details(l)));
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeCharacters("\n    ");
        x.writeStartElement("system-out");
        x.writeCharacters(clean(verdict.format()));
        x.writeEndElement();
        x.writeCharacters("\n  ");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndElement();
        x.writeCharacters("\n");
        x.writeEndDocument();
        x.close();
    }

    private static boolean failed(VerdictLine l) {
        return l.outcome() == Outcome.FAIL || l.outcome() == Outcome.UNSTABLE;
    }

    private static boolean skipped(VerdictLine l) {
        return !failed(l) && l.status() == LineStatus.NO_BASELINE;
    }

    static String className(String label) {
        String l = label.isEmpty() ? OverallRow.LABEL : label;
        return "perfgate." + l.replace('.', '_');
    }

    private static String details(VerdictLine l) {
        return String.format(Locale.ROOT, "%s [%s] %s: %s", l.outcome().name(), l.label(), l.status(), l.message());
    }

    /** Replaces characters that XML 1.0 cannot carry (most control characters, lone surrogates). */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb.toString();
    }
}
