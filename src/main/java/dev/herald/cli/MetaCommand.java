package dev.herald.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code herald meta}: prints a page's resolved metadata, and where each value came from, as JSON. */
@Command(name = "meta", mixinStandardHelpOptions = true,
        description = "Print the page's resolved metadata as JSON, with the source of every value.")
public final class MetaCommand implements Callable<Integer> {
    @Mixin PageInput input;
    private final PrintStream out;

    /** A command printing to standard output. */
    public MetaCommand() {
        this(new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /** A command printing to {@code out}; for tests. */
    public MetaCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        out.println(MetaJson.write(input.plan(input.body()).meta()));
        out.flush();
        return 0;
    }
}
