package dev.herald.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Stops the start of an app that switched the console on ({@code herald.console.enabled=true})
 * without herald-console on its class path. Mounting nothing would leave the marketing team at a
 * 404 with no word of why; a failed start names the missing artifact.
 */
@AutoConfiguration
@ConditionalOnProperty(name = HeraldProperties.CONSOLE_ENABLED, havingValue = "true")
@ConditionalOnMissingClass("dev.herald.console.Console")
public class HeraldConsoleMissingAutoConfiguration {
    /** Always fails: the condition above means the console was asked for and cannot be made. */
    public HeraldConsoleMissingAutoConfiguration() {
        throw new IllegalStateException(HeraldProperties.CONSOLE_ENABLED + "=true, but herald-console is not on the class path;"
                + " add the dependency dev.herald:herald-console, or remove the setting");
    }
}
