package org.jgrad.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs the README's Java example and compares what it prints with the README's
 * {@code text} block after it, so that the README never shows code that does not work.
 */
class ReadmeExampleTest {

    private static final Pattern BLOCK = Pattern.compile("```(java|text)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void readmeExampleCompilesRunsAndPrintsWhatTheReadmeSays(@TempDir Path classes) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher m = BLOCK.matcher(readme);
        assertTrue(m.find() && m.group(1).equals("java"), "README has no ```java block");
        String example = m.group(2);
        assertTrue(m.find() && m.group(1).equals("text"), "README has no ```text block after the example");
        String expected = m.group(2);

        compile(wrap(example), classes);
        String printed = run(classes);
        assertEquals(expected, printed);
    }

    /** The example's imports, then its statements as the body of {@code ReadmeExample.run()}. */
    private static String wrap(String example) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : example.lines().toList()) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        return imports + "public class ReadmeExample {\n public static void run() throws Exception {\n"
                + body + " }\n}\n";
    }

    private static void compile(String source, Path classes) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///ReadmeExample.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(),
                    "-classpath", System.getProperty("java.class.path"));
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            boolean ok = compiler.getTask(new java.io.PrintWriter(errors, true, StandardCharsets.UTF_8), files, null,
                    options, null, List.of(file)).call();
            assertTrue(ok, "README example does not compile:\n" + errors.toString(StandardCharsets.UTF_8));
        }
    }

    private static String run(Path classes) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                ReadmeExampleTest.class.getClassLoader())) {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            loader.loadClass("ReadmeExample").getMethod("run").invoke(null);
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
