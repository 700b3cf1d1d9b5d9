package dev.herald.testkit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstantiationAwareExtension;

/**
 * A JUnit 5 extension that starts the test kit's fakes for a test and stops them afterwards,
 * injecting them as test-method or constructor parameters.
 *
 * <pre>{@code
 * @ExtendWith(HeraldMockExtension.class)
 * class MySyndicationTest {
 *     @Test
 *     void postsOnce(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks, ManualClock clock) {
 *         // point the code under test at mastodon.baseUri(), bluesky.baseUri(), hooks.webhookUri()
 *     }
 * }
 * }</pre>
 *
 * <p>Supported parameter types: {@link MockMastodon}, {@link MockBluesky},
 * {@link MockWebhookReceiver}, {@link MockX}, {@link MockFacebook}, {@link MockLinkedIn}, {@link MockThreads},
 * {@link MockTelegram}, {@link MockDiscord}, {@link MockSlack}, {@link MockWebSubHub} (all started, with default settings) and {@link ManualClock}. Each
 * test gets one instance per type, shared by all its parameters of that type. When the same method
 * or constructor also declares a {@code ManualClock}, the fakes run on that clock (starting at the
 * current second) so the test can cross rate-limit windows and token lifetimes without sleeping;
 * otherwise they use the system clock. Fakes injected into a test method are closed after that
 * test. Constructor injection is scoped to each test too (JUnit 5.12+), so with the default
 * per-method lifecycle every test starts with fresh fakes; with {@code @TestInstance(PER_CLASS)}
 * the fakes live until the class is done. For other settings, build the fake in the test with its
 * {@code builder()} and close it there.
 */
public final class HeraldMockExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(HeraldMockExtension.class);
    /** Every fake the extension injects, and how it starts one on a clock: the one place a new fake is added. */
    // Map.ofEntries, not Map.of: the table outgrows Map.of's ten pairs.
    private static final Map<Class<? extends MockService>, Function<Clock, MockService>> FAKES = Map.ofEntries(
            Map.entry(MockMastodon.class, clock -> MockMastodon.builder().clock(clock).start()),
            Map.entry(MockBluesky.class, clock -> MockBluesky.builder().clock(clock).start()),
            Map.entry(MockWebhookReceiver.class, clock -> MockWebhookReceiver.builder().clock(clock).start()),
            Map.entry(MockX.class, clock -> MockX.builder().clock(clock).start()),
            Map.entry(MockFacebook.class, clock -> MockFacebook.builder().clock(clock).start()),
            Map.entry(MockLinkedIn.class, clock -> MockLinkedIn.builder().clock(clock).start()),
            Map.entry(MockThreads.class, clock -> MockThreads.builder().clock(clock).start()),
            Map.entry(MockTelegram.class, clock -> MockTelegram.builder().clock(clock).start()),
            Map.entry(MockDiscord.class, clock -> MockDiscord.builder().clock(clock).start()),
            Map.entry(MockSlack.class, clock -> MockSlack.builder().clock(clock).start()),
            Map.entry(MockWebSubHub.class, clock -> MockWebSubHub.builder().clock(clock).start()));

    /** Fakes (and the clock) created for one extension context; closed with it. */
    private static final class Scope {
        final String owner;
        final Map<Class<?>, Object> instances = new LinkedHashMap<>();

        Scope(String owner) {
            this.owner = owner;
        }

        synchronized Object get(Class<?> type, boolean manualTime) {
            Object existing = instances.get(type);
            if (existing != null) return existing;
            if (type == ManualClock.class) {
                ManualClock clock = ManualClock.ofNow();
                instances.put(type, clock);
                return clock;
            }
            Clock clock = manualTime ? (ManualClock) get(ManualClock.class, true) : Clock.systemUTC();
            Object created = FAKES.get(type).apply(clock);
            instances.put(type, created);
            return created;
        }

        synchronized void close() {
            List<Object> all = new ArrayList<>(instances.values());
            instances.clear();
            for (Object o : all) {
                if (o instanceof AutoCloseable) {
                    try {
                        ((AutoCloseable) o).close();
                    } catch (Exception e) {
                        // Closing a loopback server only fails if it is already gone.
                    }
                }
            }
        }
    }

    /** Creates the extension; JUnit does this through {@code @ExtendWith}. */
    public HeraldMockExtension() {}

    /** Asks JUnit (5.12+) to resolve constructor parameters in the test's own context, so each test gets fresh fakes. */
    @Override
    public TestInstantiationAwareExtension.ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return TestInstantiationAwareExtension.ExtensionContextScope.TEST_METHOD;
    }

    /** Supports the fakes and {@link ManualClock}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == ManualClock.class || FAKES.containsKey(type);
    }

    /** Returns the started fake (or clock) of the requested type for this test, creating it on first use. */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        boolean manualTime = Arrays.asList(parameterContext.getDeclaringExecutable().getParameterTypes()).contains(ManualClock.class);
        return scope(extensionContext).get(type, manualTime);
    }

    /** Stops the fakes created for the finished test. */
    @Override
    public void afterEach(ExtensionContext context) {
        closeOwned(context);
    }

    /** Stops the fakes created for the finished class (constructor injection). */
    @Override
    public void afterAll(ExtensionContext context) {
        closeOwned(context);
    }

    private static Scope scope(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        // Store lookups fall back to the enclosing context's, so a test shares the fakes its class's
        // constructor received under @TestInstance(PER_CLASS).
        Scope existing = store.get(Scope.class, Scope.class);
        if (existing != null) return existing;
        Scope created = new Scope(context.getUniqueId());
        store.put(Scope.class, created);
        return created;
    }

    private static void closeOwned(ExtensionContext context) {
        Scope scope = context.getStore(NAMESPACE).get(Scope.class, Scope.class);
        if (scope != null && scope.owner.equals(context.getUniqueId())) scope.close();
    }
}
