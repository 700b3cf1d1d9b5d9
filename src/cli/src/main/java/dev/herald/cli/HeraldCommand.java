package dev.herald.cli;

import picocli.CommandLine;

/**
 * The {@code herald} command of the CLI jar: every command of {@link HeraldCli}, plus
 * {@code console}, which lives in herald-console and so cannot be named by the core library.
 */
public final class HeraldCommand {
    private HeraldCommand() {}

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        HeraldCli.quietLibraries();
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; used by tests. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with the console added, before execution. */
    static CommandLine commandLine() {
        CommandLine line = HeraldCli.commandLine();
        line.addSubcommand("console", HeraldCli.withErrorHandling(new CommandLine(new ConsoleCommand())));
        return line;
    }
}
