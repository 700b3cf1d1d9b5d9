package dev.herald;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers Herald's artifacts rest on. A site that depends on {@code herald} alone gets jsoup and
 * slf4j-api and nothing else (Jackson is embedded in the jar), so the page half may use only those
 * and the JDK; it never reaches into syndication, delivery or the command line.
 */
@AnalyzeClasses(packages = "dev.herald", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] PAGE_HALF = {"dev.herald.meta..", "dev.herald.page..", "dev.herald.buttons..",
            "dev.herald.taglib..", "dev.herald.share..", "dev.herald.internal.."};

    /**
     * The one opt-in exception: the share endpoint's database-backed counter keeps its table in
     * Herald's schema, which delivery's migrations (Flyway) create, so it needs herald-delivery; the
     * default in-memory counter needs nothing.
     */
    private static final String NEEDS_DELIVERY = "dev.herald.share.JdbcShareCounter";

    @ArchTest
    static final ArchRule thePageHalfNeverImportsTheOtherHalves = noClasses().that().resideInAnyPackage(PAGE_HALF)
            .and().doNotHaveFullyQualifiedName(NEEDS_DELIVERY)
            .should().dependOnClassesThat().resideInAnyPackage("dev.herald.syndication..", "dev.herald.delivery..", "dev.herald.cli..",
                    "dev.herald.console..", "dev.herald.testkit..");

    @ArchTest
    static final ArchRule thePageHalfUsesOnlyTheLibrariesASiteGetsWithIt = classes().that().resideInAnyPackage(PAGE_HALF)
            .and().doNotHaveFullyQualifiedName(NEEDS_DELIVERY)
            .should().onlyDependOnClassesThat().resideInAnyPackage(concat(PAGE_HALF, "dev.herald.metrics", "java..", "javax..", "jakarta.servlet..",
                    "org.jsoup..", "org.slf4j..", "com.fasterxml.jackson.."))
            .because("herald's runtime class path is jsoup and slf4j-api (Jackson is embedded); servlet and JSP are the container's");

    /** Micrometer is optional: only its adapter may name it, and only once it is known to be present. */
    @ArchTest
    static final ArchRule onlyTheMicrometerAdapterNamesMicrometer = noClasses().that().resideInAPackage("dev.herald..")
            .and().doNotHaveFullyQualifiedName("dev.herald.metrics.MicrometerMetrics")
            .and().resideOutsideOfPackage("dev.herald.spring..")
            .should().dependOnClassesThat().resideInAPackage("io.micrometer..");

    @ArchTest
    static final ArchRule syndicationNeverImportsDeliveryOrTheCommandLine = noClasses().that().resideInAPackage("dev.herald.syndication..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.herald.delivery..", "dev.herald.cli..", "dev.herald.console..");

    @ArchTest
    static final ArchRule deliveryNeverImportsTheCommandLine = noClasses().that().resideInAPackage("dev.herald.delivery..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.herald.cli..", "dev.herald.console..");

    @ArchTest
    static final ArchRule nothingImportsTheTestKit = noClasses().that().resideInAPackage("dev.herald..")
            .and().resideOutsideOfPackage("dev.herald.testkit..")
            .should().dependOnClassesThat().resideInAPackage("dev.herald.testkit..");

    /**
     * A type from a library in a public signature ties every user to that library's version, and
     * Jackson's cannot even be named from outside (it is relocated inside the jar). The servlet and
     * JSP APIs are the container's contract and stay; {@code internal} packages are not API.
     */
    @ArchTest
    static final ArchRule publicSignaturesNameNoLibraryTypes = classes().that().arePublic()
            .and().resideOutsideOfPackages("..internal..", "dev.herald.cli..")
            // The optional Micrometer adapter takes a MeterRegistry: naming Micrometer is what it is for.
            .and().doNotHaveFullyQualifiedName("dev.herald.metrics.MicrometerMetrics")
            .should(new ExposeNoTypesOf("org.apache.hc.", "com.fasterxml.", "org.jsoup.", "com.github.kagkarlsson.",
                    "org.flywaydb.", "org.h2.", "com.zaxxer.", "io.micrometer.", "picocli."));

    /** What {@code internal} packages hold may change in any release, so no API type hands one out or takes one. */
    @ArchTest
    static final ArchRule publicSignaturesNameNoInternalTypes = classes().that().arePublic()
            .and().resideOutsideOfPackages("..internal..", "dev.herald.cli..")
            .should(new ExposeNoTypesOf("any package named internal", raw -> raw.getPackageName().matches("dev\\.herald(\\..+)?\\.internal(\\..+)?")));

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Public and protected members of a class may not name a type of the given packages. */
    private static final class ExposeNoTypesOf extends ArchCondition<JavaClass> {
        private final java.util.function.Predicate<JavaClass> forbidden;

        ExposeNoTypesOf(String... prefixes) {
            this(String.join(", ", prefixes), raw -> List.of(prefixes).stream().anyMatch(p -> raw.getName().startsWith(p)));
        }

        ExposeNoTypesOf(String what, java.util.function.Predicate<JavaClass> named) {
            super("expose no type of " + what + " in a public or protected signature");
            this.forbidden = named;
        }

        @Override
        public void check(JavaClass type, ConditionEvents events) {
            for (JavaMember member : type.getMembers()) {
                if (!member.getModifiers().contains(JavaModifier.PUBLIC) && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
                    continue;
                }
                List<JavaType> named = new ArrayList<>();
                if (member instanceof JavaCodeUnit unit) {
                    named.add(unit.getReturnType());
                    named.addAll(unit.getParameterTypes());
                } else if (member instanceof com.tngtech.archunit.core.domain.JavaField field) {
                    named.add(field.getType());
                }
                named.stream().flatMap(t -> t.getAllInvolvedRawTypes().stream())
                        .filter(forbidden)
                        .forEach(raw -> events.add(SimpleConditionEvent.violated(member,
                                member.getFullName() + " names " + raw.getName())));
            }
        }
    }
}
