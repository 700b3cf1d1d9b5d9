package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.delivery.DeliveryClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** herald.yaml's accounts given as Spring properties instead of a file: delivery runs for them. */
@SpringBootTest(properties = {
        "herald.syndication.accounts[0].name=newsroom-hook",
        "herald.syndication.accounts[0].network=webhook",
        "herald.syndication.accounts[0].url=https://hooks.harbour.example/herald",
        // A reference Herald resolves itself, from a system property here (an environment variable in production).
        "herald.syndication.accounts[0].secrets[0]=${sys:herald.example.webhook-secret}"})
class AccountsFromPropertiesTest {
    private static final Path FOLDER = OutboxChecks.freshFolder();

    static {
        // 32 zero bytes, in the Standard Webhooks form.
        System.setProperty("herald.example.webhook-secret", "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    }

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("herald.delivery.database", () -> FOLDER.resolve("herald").toString());
    }

    @Autowired
    DeliveryClient delivery;

    @Test
    void runsDeliveryForTheAccountsTheyName() {
        assertEquals(List.of("newsroom-hook"), delivery.accounts());
    }
}
