package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an incoming-webhook URL shows of itself, and which parts of it are the credential. */
class IncomingWebhookTest {
    private static List<String> secretValues(String url) {
        return Arrays.stream(new IncomingWebhook(URI.create(url)).secrets()).map(Secret::value).toList();
    }

    @Test
    void theMaskedFormKeepsSchemeHostAndAnExplicitPortOnly() {
        IncomingWebhook discord = new IncomingWebhook(URI.create("https://discord.com/api/webhooks/123/TOKEN"));
        assertEquals("https://discord.com/****", discord.masked());
        assertEquals("IncomingWebhook[https://discord.com/****]", discord.toString());
        assertFalse(discord.toString().contains("TOKEN"));
        assertEquals("http://127.0.0.1:8080/****", new IncomingWebhook(URI.create("HTTP://127.0.0.1:8080/hooks/T")).masked());
        assertEquals("https://hooks.example:0/****", new IncomingWebhook(URI.create("https://hooks.example:0/x")).masked(),
                "port 0 is a port as written");
    }

    @Test
    void thePathAndTheQueryAreSecretsAndABareSlashOrAnEmptyQueryIsNot() {
        assertEquals(List.of("/services/T1/B2/XYZ"), secretValues("https://hooks.slack.com/services/T1/B2/XYZ"));
        assertEquals(List.of("/h", "token=abc&x=1"), secretValues("https://hooks.example/h?token=abc&x=1"));
        assertEquals(List.of("/a"), secretValues("https://hooks.example/a"), "the shortest path that hides something");
        assertEquals(List.of(), secretValues("https://hooks.example/"));
        assertEquals(List.of(), secretValues("https://hooks.example"));
        assertEquals(List.of("token=abc"), secretValues("https://hooks.example/?token=abc"));
        assertEquals(List.of("/h"), secretValues("https://hooks.example/h?"));
    }
}
