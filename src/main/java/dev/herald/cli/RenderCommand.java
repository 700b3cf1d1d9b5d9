package dev.herald.cli;

import dev.herald.page.Rewrite;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code herald render}: prints a page exactly as {@code ShareFilter} would send it. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the page with Herald's tags and share buttons, byte for byte as the filter sends it.")
public final class RenderCommand implements Callable<Integer> {
    @Mixin PageInput input;
    @Spec CommandSpec spec;
    private final OutputStream out;

    /** A command printing to standard output. */
    public RenderCommand() {
        this(System.out);
    }

    /** A command printing to {@code out}; for tests. */
    public RenderCommand(OutputStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        byte[] body = input.body();
        Rewrite rewrite = input.plan(body);
        if (rewrite.skipped() != null) {
            spec.commandLine().getErr().println("herald: page left unchanged: " + rewrite.skipped());
        }
        // Raw bytes, not a Writer: the page keeps its own charset, as it does through the filter.
        rewrite.writeTo(body, body.length, out);
        out.flush();
        if (out instanceof PrintStream ps && ps.checkError()) return 1;
        return 0;
    }
}
