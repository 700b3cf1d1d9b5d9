package dev.herald.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.herald.delivery.QueueSlots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account names and networks listed in a {@code herald.yaml} ({@code accounts: [{name, network,
 * enabled}]}): all that scheduling needs. Credentials are not read here, so scheduling works on a
 * machine that holds no secrets.
 */
final class ConfiguredAccounts {
    private ConfiguredAccounts() {}

    /** Enabled accounts, name → network, in file order. */
    static Map<String, String> read(Path config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode a : accounts(config)) out.put(a.path("name").asText(), a.path("network").asText());
        return out;
    }

    /** The queue slots ({@code slots: "Mon-Fri 09:00,13:00 Europe/Berlin"}) of enabled accounts that have them. */
    static Map<String, QueueSlots> slots(Path config) {
        Map<String, QueueSlots> out = new LinkedHashMap<>();
        for (JsonNode a : accounts(config)) {
            String spec = a.path("slots").asText("");
            if (!spec.isBlank()) {
                try {
                    out.put(a.path("name").asText(), QueueSlots.parse(spec));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(config + ": account '" + a.path("name").asText() + "': " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    private static List<JsonNode> accounts(Path config) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(config));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("configuration file not found: " + config);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + config + ": " + e.getMessage(), e);
        }
        JsonNode accounts = root == null ? null : root.get("accounts");
        if (accounts == null || !accounts.isArray()) {
            throw new IllegalArgumentException(config + " has no 'accounts' list");
        }
        List<JsonNode> out = new ArrayList<>();
        int i = 0;
        for (JsonNode a : accounts) {
            String name = a.path("name").asText("");
            String network = a.path("network").asText("");
            if (name.isBlank() || network.isBlank()) {
                throw new IllegalArgumentException(config + ": accounts[" + i + "] needs a name and a network");
            }
            if (a.path("enabled").asBoolean(true)) out.add(a);
            i++;
        }
        return out;
    }
}
