package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The networks Herald can post to: the {@link NetworkProvider}s found on the class path, each under
 * its canonical name and its aliases. The core asks this registry about a network and never names
 * one itself.
 *
 * <p>Immutable and thread-safe.
 */
public final class NetworkRegistry {
    private final Map<String, NetworkProvider> byName;
    private final Map<String, NetworkProvider> byNameOrAlias;

    /**
     * A registry of exactly {@code providers} (for tests, and for code that picks its networks).
     *
     * @throws IllegalArgumentException when a name or alias is blank, not lower case, or claimed twice
     */
    public NetworkRegistry(List<? extends NetworkProvider> providers) {
        Validate.notNull(providers, "providers");
        Map<String, NetworkProvider> names = new LinkedHashMap<>();
        Map<String, NetworkProvider> all = new LinkedHashMap<>();
        for (NetworkProvider p : providers) {
            Validate.notNull(p, "provider");
            String name = checkName(p.name(), p, "name");
            claim(all, name, p);
            names.put(name, p);
            for (String alias : p.aliases()) claim(all, checkName(alias, p, "alias"), p);
            Validate.isTrue(name.equals(p.settings().network()), "provider " + p.getClass().getName(),
                    "declares settings of '" + p.settings().network() + "' for network '" + name + "'");
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byNameOrAlias = Map.copyOf(all);
    }

    /** The networks whose providers {@code loader} finds through {@link ServiceLoader}. */
    public static NetworkRegistry load(ClassLoader loader) {
        List<NetworkProvider> found = new ArrayList<>();
        for (NetworkProvider p : ServiceLoader.load(NetworkProvider.class, loader)) found.add(p);
        return new NetworkRegistry(found);
    }

    /**
     * The networks installed here: the providers the current thread's context class loader finds
     * (a web application's own jars included), else those of Herald's own class loader.
     */
    public static NetworkRegistry installed() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return load(context != null ? context : NetworkRegistry.class.getClassLoader());
    }

    /** The provider of the network called {@code nameOrAlias} (case-insensitive), if there is one. */
    public Optional<NetworkProvider> find(String nameOrAlias) {
        if (nameOrAlias == null) return Optional.empty();
        return Optional.ofNullable(byNameOrAlias.get(nameOrAlias.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * The provider of the network called {@code nameOrAlias}.
     *
     * @throws IllegalArgumentException naming the installed networks when there is none
     */
    public NetworkProvider get(String nameOrAlias) {
        return find(nameOrAlias).orElseThrow(() -> new IllegalArgumentException("no network '" + nameOrAlias + "' is installed; installed: "
                + String.join(", ", names())));
    }

    /** The canonical names of the installed networks, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(byName.keySet()));
    }

    /** The installed providers, in the order they were found. */
    public List<NetworkProvider> providers() {
        return List.copyOf(byName.values());
    }

    private static String checkName(String name, NetworkProvider p, String what) {
        String where = "provider " + p.getClass().getName();
        Validate.notBlank(name, where + " " + what);
        Validate.isTrue(name.equals(name.strip().toLowerCase(Locale.ROOT)), where + " " + what, "must be lower case without spaces: '" + name + "'");
        return name;
    }

    private static void claim(Map<String, NetworkProvider> all, String name, NetworkProvider p) {
        NetworkProvider before = all.putIfAbsent(name, p);
        if (before != null) {
            throw new IllegalArgumentException("two network providers claim '" + name + "': " + before.getClass().getName() + " and "
                    + p.getClass().getName());
        }
    }

    @Override
    public String toString() {
        return "NetworkRegistry" + names();
    }
}
