package dev.herald.syndication.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookAccountTest {
    private static final Secret SECRET = new Secret("${env:WEBHOOK_SECRET}", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final URI URL = URI.create("https://hooks.example/services/T0KEN123?key=abc");

    @Test
    void fillsTheDefaultTemplate() {
        WebhookAccount a = WebhookAccount.of("hooks", URL, SECRET);
        assertEquals(MessageTemplate.defaults(), a.template());
        assertEquals(List.of(SECRET), a.secrets());
    }

    @Test
    void showsTheUrlOnlyUpToItsHost() {
        WebhookAccount a = WebhookAccount.of("hooks", URL, SECRET);
        assertEquals("https://hooks.example/****", a.maskedUrl());
        assertEquals("http://127.0.0.1:8080/?****", WebhookAccount.of("h", URI.create("http://127.0.0.1:8080/?token=x"), SECRET).maskedUrl());
        assertEquals("https://hooks.example/", WebhookAccount.of("h", URI.create("https://hooks.example"), SECRET).maskedUrl());
        String s = a.toString();
        assertFalse(s.contains("T0KEN123") || s.contains("key=abc") || s.contains("MfKQ9r8"), s);
        assertTrue(s.contains("${env:WEBHOOK_SECRET}"), s);
    }

    @Test
    void refusesNonHttpUrlsWithoutQuotingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookAccount.of("hooks", URI.create("ftp://hooks.example/T0KEN123"), SECRET));
        assertEquals("url of webhook account hooks must be an absolute http(s) URL with a host", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WebhookAccount.of("hooks", URI.create("/relative/T0KEN123"), SECRET));
        assertThrows(IllegalArgumentException.class, () -> WebhookAccount.of("hooks", URI.create("https://u:p@hooks.example/"), SECRET));
        assertThrows(IllegalArgumentException.class, () -> WebhookAccount.of("hooks", URI.create("https://hooks.example/#x"), SECRET));
    }

    @Test
    void requiresValidSecretsAndNamesTheBadOneByPosition() {
        assertEquals("secrets of webhook account hooks must hold at least one secret",
                assertThrows(IllegalArgumentException.class, () -> WebhookAccount.of("hooks", URL)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookAccount.of("hooks", URL, SECRET, Secret.of("old", "whsec_dG9vIHNob3J0")));
        assertTrue(e.getMessage().startsWith("secrets of webhook account hooks: secret #2 decodes to 9 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains("dG9vIHNob3J0"), e.getMessage());
    }
}
