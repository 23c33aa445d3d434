import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Run by bin/lib/build-aot.sh (JDK 25+, as a source file): rewrites the Java 5 class files (major version 49)
 * under a folder of a jar as Java 8 ones (52) with stack maps, in place. Nothing else changes: the same bytecode,
 * constant pool entries and attributes. Why: the JVM's ahead-of-time cache cannot hold "old" classes once they are
 * linked (they are verified by the old type-inferring verifier), so picocli's classes (Java 5 class files) were
 * loaded, parsed and verified afresh at every start of the CLI: about 0.07 CPU s of a short command's 0.4.
 * Usage: java UpgradeOldClasses.java JAR FOLDER (e.g. /picocli)
 */
public class UpgradeOldClasses {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        int upgraded = 0;
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of());
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            // stack maps need the class hierarchy: the JDK's classes and the jar's own
            ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
            List<Path> classes;
            try (Stream<Path> files = Files.walk(fs.getPath(args[1]))) {
                classes = files.filter(p -> p.toString().endsWith(".class")).toList();
            }
            for (Path p : classes) {
                ClassModel model = cf.parse(Files.readAllBytes(p));
                if (model.majorVersion() >= 50) {
                    continue;
                }
                // rebuilding each method body is what makes the library write its stack maps
                Files.write(p, cf.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                        .andThen(ClassTransform.endHandler(b -> b.withVersion(ClassFile.JAVA_8_VERSION, 0)))));
                upgraded++;
            }
        }
        System.out.println("perfgate: " + upgraded + " Java 5 class files under " + args[1] + " of " + jar
                + " rewritten as Java 8 ones (for the AOT cache)");
    }
}
