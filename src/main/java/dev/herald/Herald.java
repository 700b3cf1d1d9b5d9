package dev.herald;

import dev.herald.delivery.Delivery;
import dev.herald.internal.Validate;
import dev.herald.page.HeraldConfig;
import dev.herald.page.ShareFilter;
import dev.herald.syndication.Syndication;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Where code starts with Herald: one line to each of its three parts. Each method hands on to the
 * part's own type, which has the rest of the API.
 *
 * <pre>{@code
 * ShareFilter filter = Herald.pages(HeraldConfig.builder().siteName("The Daily Tester").build());
 * Syndication accounts = Herald.syndication(Path.of("herald.yaml"));
 * Delivery delivery = Herald.delivery(dataSource).syndicators(accounts.syndicators()).build().start();
 * }</pre>
 *
 * <p>{@link #pages} needs only the {@code herald} artifact; {@link #syndication} needs
 * {@code herald-syndication} and {@link #delivery} {@code herald-delivery} on the class path.
 */
public final class Herald {
    private Herald() {}

    /**
     * The servlet filter that turns a site's pages into rich link previews with share buttons, for
     * registering in code (Spring Boot, embedded containers, a {@code ServletContainerInitializer}).
     */
    public static ShareFilter pages(HeraldConfig config) {
        Validate.notNull(config, "config");
        return new ShareFilter(config);
    }

    /** {@link #pages(HeraldConfig)} configured from {@code herald.*} properties, as {@code herald.properties} would. */
    public static ShareFilter pages(Map<String, String> properties) {
        Validate.notNull(properties, "properties");
        return new ShareFilter(HeraldConfig.fromProperties(properties));
    }

    /**
     * The social accounts listed in the {@code herald.yaml} at {@code file}, credentials resolved
     * from the environment and system properties.
     */
    public static Syndication syndication(Path file) {
        return Syndication.load(file);
    }

    /**
     * Durable delivery on {@code dataSource} (the app's H2 or PostgreSQL pool, or
     * {@code DeliveryDatabase.h2(path)} for the embedded file); finish with {@code build().start()}.
     * Closing the {@code Delivery} stops sending; the data source stays the caller's to close.
     */
    public static Delivery.Builder delivery(DataSource dataSource) {
        Validate.notNull(dataSource, "dataSource");
        return Delivery.builder(dataSource);
    }
}
