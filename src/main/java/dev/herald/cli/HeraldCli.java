package dev.herald.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code herald} command: one subcommand per job.
 *
 * <p>Exit codes: 0 success, 1 a network or delivery failure, 2 bad usage or input.
 */
@Command(
        name = "herald",
        mixinStandardHelpOptions = true,
        versionProvider = HeraldCli.Version.class,
        description = "Rich link previews, share buttons and social syndication for Java web apps.",
        subcommands = {RenderCommand.class, MetaCommand.class, CommandLine.HelpCommand.class})
public final class HeraldCli {

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; used by tests. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, before execution; tests redirect its streams. */
    static CommandLine commandLine() {
        return new CommandLine(new HeraldCli())
                .setExecutionExceptionHandler((ex, cmd, parsed) -> {
                    // Expected failures (bad file, bad config) get one clear line, not a stack trace.
                    cmd.getErr().println("herald: " + describe(ex));
                    return ex instanceof IllegalArgumentException || ex instanceof java.io.IOException ? 2 : 1;
                });
    }

    private static String describe(Exception ex) {
        // NoSuchFileException's message is just the path; say what is wrong with it.
        if (ex instanceof java.nio.file.NoSuchFileException nsf) return "no such file: " + nsf.getFile();
        return String.valueOf(ex.getMessage());
    }

    /** Reads the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = HeraldCli.class.getPackage().getImplementationVersion();
            return new String[] {"herald " + (v == null ? "(development build)" : v)};
        }
    }
}
