package dev.herald.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.console.ConsoleUsers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code herald console}: served from the CLI jar's command on the embedded database, stopped on request. */
class ConsoleCommandIT {
    @TempDir
    Path dir;

    @Test
    void servesTheSignInPageForTheUsersOfTheConfiguration() throws Exception {
        Path yaml = dir.resolve("herald.yaml");
        Files.writeString(yaml, "accounts:\n  - name: hook\n    network: webhook\n    url: https://hooks.example/h\n    secrets: [\"${env:HERALD_TEST_UNSET_SECRET}\"]\n"
                + "console:\n  users:\n    - name: edith\n      role: editor\n      password: \"" + ConsoleUsers.hash("a good password") + "\"\n");
        ConsoleCommand command = new ConsoleCommand();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = HeraldCli.withErrorHandling(new CommandLine(command));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> line.execute("--config", yaml.toString(),
                "--db", dir.resolve("data/herald").toString(), "--port", "0"));
        URI uri = null;
        for (int i = 0; i < 600 && uri == null && !run.isDone(); i++) {
            uri = command.uri();
            if (uri == null) run.handle((v, e) -> v).completeOnTimeout(null, 50, TimeUnit.MILLISECONDS).join();
        }
        assertNotNull(uri, "started: " + out + err);
        try {
            HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri.resolve("/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode());
            assertTrue(login.body().contains("Sign in"));
            assertTrue(out.toString().contains("console on " + uri + " for 1 user(s)"), out.toString());
            assertTrue(err.toString().contains("previews work, credential checks will fail"), "says the unset credential: " + err);
        } finally {
            command.stop();
        }
        assertEquals(0, run.get(30, TimeUnit.SECONDS));
    }

    @Test
    void refusesAConfigurationWithoutConsoleUsers() throws Exception {
        Path yaml = dir.resolve("herald.yaml");
        Files.writeString(yaml, "accounts: []\n");
        StringWriter err = new StringWriter();
        CommandLine line = HeraldCommand.commandLine();
        line.setErr(new PrintWriter(err, true));
        assertEquals(2, line.execute("console", "--config", yaml.toString(), "--db", dir.resolve("data/herald").toString(), "--port", "0"));
        assertTrue(err.toString().contains("no 'console:' section"), err.toString());
    }

    @Test
    void listsTheConsoleAndItsPasswordHasherInTheHelp() {
        StringWriter out = new StringWriter();
        CommandLine line = HeraldCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        assertEquals(0, line.execute("console", "--help"));
        assertTrue(out.toString().contains("hash-password"), out.toString());
    }
}
