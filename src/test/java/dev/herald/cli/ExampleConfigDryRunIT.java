package dev.herald.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.config.AccountSettings;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code herald post --dry-run} with {@code examples/herald.yaml}: every network's payload, no credential set, nothing sent. */
class ExampleConfigDryRunIT {
    private static final String ARTICLE = "webapp/articles/iran-retaliation.html";

    @Test
    void printsThePayloadOfEveryAccountOfEveryInstalledNetwork() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HeraldCli.withErrorHandling(new CommandLine(new PostCommand())).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("--config", "examples/herald.yaml", "--dry-run", "--url", "https://ledger.example/articles/iran-retaliation.html", ARTICLE);
        // Printed for a person reading the build log: this is what each network would receive.
        System.out.println(out);

        assertEquals(0, exit, err.toString());
        SyndicationConfig config = SyndicationConfig.load(Path.of("examples/herald.yaml"));
        Set<String> networks = new TreeSet<>();
        for (AccountSettings a : config.accounts()) {
            assertTrue(out.toString().contains("== " + a.name() + " (" + a.network() + ")"), a.name() + " missing from:\n" + out);
            networks.add(a.network());
        }
        assertEquals(new TreeSet<>(NetworkRegistry.installed().names()), networks, "the example shows an account of every installed network");
        assertFalse(out.toString().contains(SecretSource.PLACEHOLDER), "no credential, not even a placeholder, is printed");
        assertTrue(out.toString().contains("\"channel\" : \"C0LEDGER01\""), "the Slack bot form's payload");
        assertTrue(out.toString().contains("hub.mode=publish") || out.toString().contains("\"hub.mode\""), "the WebSub ping");
    }
}
