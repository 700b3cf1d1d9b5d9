package dev.herald.cli;

import dev.herald.syndication.QueueSlots;
import dev.herald.syndication.config.SyndicationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The {@code --config} option of the queue and account commands: {@code herald.yaml} in the working
 * directory unless given, as for every other command. These commands work on the database alone,
 * so a missing default file only means they know no account names, networks or slots.
 */
final class ConfigOption {
    static final Path DEFAULT = Path.of("herald.yaml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "The herald.yaml listing the accounts (default: herald.yaml, used when present).")
    Path config;

    /** The configuration: the named file (which must exist), the default one when present, else none. */
    Optional<SyndicationConfig> load() {
        if (config == null && !Files.isRegularFile(DEFAULT)) return Optional.empty();
        return Optional.of(SyndicationConfig.load(config == null ? DEFAULT : config));
    }

    /** Account name to network, empty without a configuration. */
    static Map<String, String> networks(Optional<SyndicationConfig> cfg) {
        return cfg.map(SyndicationConfig::networks).orElse(Map.of());
    }

    /** Account name to queue slots, empty without a configuration. */
    static Map<String, QueueSlots> slots(Optional<SyndicationConfig> cfg) {
        return cfg.map(SyndicationConfig::queueSlots).orElse(Map.of());
    }

    /** Each account's own time zone: that of its queue slots. */
    static Map<String, ZoneId> zones(Optional<SyndicationConfig> cfg) {
        Map<String, ZoneId> out = new java.util.HashMap<>();
        slots(cfg).forEach((account, plan) -> out.put(account, plan.zone()));
        return out;
    }
}
