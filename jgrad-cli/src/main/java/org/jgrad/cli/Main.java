package org.jgrad.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code jgrad} command: the entry point of the command line, which hands
 * the work to its subcommands.
 *
 * <p>Exit codes: 0 when all went well, 1 when a command failed (one line says
 * why; {@code --verbose} adds the stack trace), 2 for a usage error such as an
 * unknown option or subcommand.
 */
@Command(name = "jgrad",
        mixinStandardHelpOptions = true,
        versionProvider = Main.ManifestVersion.class,
        subcommands = {DemoCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class,
            SummaryCommand.class, ExamplesCommand.class, HelpCommand.class},
        description = "Neural networks on the JVM: tensors, reverse-mode autodiff, training and explanation.",
        footer = {"", "Run './jgrad test' to run the test suite."})
public final class Main implements Callable<Integer> {

    /** The exit code of a command that failed. */
    static final int EXIT_FAILURE = 1;

    @Spec
    private CommandSpec spec;

    // Declared here, accepted by every subcommand as well ("jgrad demo --verbose").
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace when a command fails.")
    private boolean verbose;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The {@code jgrad} command line, with its error handling set up; not yet run. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handleFailure);
        return cl;
    }

    /** With no subcommand, shows what there is to do. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Reports a command that threw: one line, plus the stack trace if asked for. */
    private static int handleFailure(Exception e, CommandLine failed, ParseResult parsed) {
        PrintWriter err = failed.getErr();
        String why = reason(e);
        if (verbose(parsed)) {
            err.println("jgrad: error: " + why);
            e.printStackTrace(err);
        } else {
            err.println("jgrad: error: " + why + " (--verbose shows the stack trace)");
        }
        err.flush();
        return EXIT_FAILURE;
    }

    /** What went wrong, in words: the message, with the kind of failure where the message alone is unclear. */
    static String reason(Exception e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? null : e.getMessage();
        return switch (e) {
            case NoSuchFileException missing -> "no such file: " + missing.getFile()
                    + (missing.getReason() == null ? "" : " (" + missing.getReason() + ")");
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            case FileSystemException other when other.getFile() != null -> other.getFile() + ": "
                    + (other.getReason() != null ? other.getReason() : other.getClass().getSimpleName());
            default -> message != null ? message : e.getClass().getName();
        };
    }

    /** Whether --verbose was given to the top-level command or to any subcommand. */
    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** The version: the jar manifest's Implementation-Version, or "dev" outside a jar. */
    static final class ManifestVersion implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                "jgrad " + (version != null ? version : "dev"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
            };
        }
    }
}
