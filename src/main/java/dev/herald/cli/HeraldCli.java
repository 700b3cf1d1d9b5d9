package dev.herald.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code herald} command: one subcommand per job.
 *
 * <p>Exit codes: 0 success, 1 a network or delivery failure or a queue change that was refused
 * (a share that exists already, is being sent or was posted), 2 bad usage or input.
 */
@Command(
        name = "herald",
        mixinStandardHelpOptions = true,
        versionProvider = HeraldCli.Version.class,
        description = "Rich link previews, share buttons and social syndication for Java web apps.",
        subcommands = {RenderCommand.class, MetaCommand.class, PreviewCommand.class, PostCommand.class, ScheduleCommand.class, QueueCommand.class, AccountsCommand.class, AuthCommand.class, WorkerCommand.class,
            CommandLine.HelpCommand.class})
public final class HeraldCli {

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        // The CLI jar bundles slf4j-simple: warnings and errors only, on standard error, unless asked otherwise.
        quietLibraries();
        System.exit(run(args));
    }

    /**
     * The CLI jar's logging (slf4j-simple), unless set otherwise with {@code -D}: warnings and errors
     * on standard error; Herald's delivery at INFO (the worker's line per send); and without two
     * start-up warnings of the database libraries that concern Herald's developers, not its users
     * (Flyway not yet verified with this H2 version; db-scheduler's advice on time-zone-less
     * columns, which Herald's tables do not have).
     */
    static void quietLibraries() {
        String prefix = "org.slf4j.simpleLogger.";
        setIfAbsent(prefix + "defaultLogLevel", "warn");
        setIfAbsent(prefix + "log.dev.herald.delivery", "info");
        setIfAbsent(prefix + "log.org.flywaydb.core.internal.database.base.Database", "error");
        setIfAbsent(prefix + "log.com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization.utc_warning", "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }

    /** Runs the command line and returns its exit code; used by tests. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, before execution; tests redirect its streams. */
    static CommandLine commandLine() {
        return withErrorHandling(new CommandLine(new HeraldCli()));
    }

    /**
     * {@code line} with Herald's handling of failures: expected ones (a bad file, a bad
     * configuration) get one clear line and exit code 2, not a stack trace.
     */
    static CommandLine withErrorHandling(CommandLine line) {
        // A usage error gets its message and a pointer to the help, not the whole help text.
        line.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("herald: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cmd.getErr());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            cmd.getErr().flush();
            return 2;
        });
        return line.setExecutionExceptionHandler((ex, cmd, parsed) -> {
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
