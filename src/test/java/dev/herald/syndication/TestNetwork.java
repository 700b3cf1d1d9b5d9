package dev.herald.syndication;

import dev.herald.syndication.Quota;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** A network provider for tests: a name, aliases, an {@code api} base URL and a {@code key} credential, and a syndicator of the test's choosing. */
public record TestNetwork(String name, Set<String> aliases, List<Quota> quotas, BiFunction<AccountSetup, NetworkContext, Syndicator> factory)
        implements NetworkProvider {
    /** A network called {@code name} whose syndicator {@code factory} builds. */
    public static TestNetwork named(String name, BiFunction<AccountSetup, NetworkContext, Syndicator> factory) {
        return new TestNetwork(name, Set.of(), List.of(), factory);
    }

    /** This network with the given aliases. */
    public TestNetwork withAliases(String... names) {
        return new TestNetwork(name, Set.of(names), quotas, factory);
    }

    /** This network with the given quotas. */
    public TestNetwork withQuotas(Quota... caps) {
        return new TestNetwork(name, aliases, List.of(caps), factory);
    }

    @Override
    public NetworkSpec settings() {
        return NetworkSpec.builder(name).required("api", "key").optional("mode").secrets("key").baseUrl("api")
                .choice("mode", "fast", "slow").build();
    }

    @Override
    public TextRules textRules() {
        return new TextRules(100, Integer.MAX_VALUE, -1);
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.NONE;
    }

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        return factory.apply(account, context);
    }
}
