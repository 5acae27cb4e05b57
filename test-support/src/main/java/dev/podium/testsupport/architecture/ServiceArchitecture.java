package dev.podium.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The dependency rules every Podium service keeps, for its {@code ArchitectureTest}:
 * <ol>
 *   <li>{@link #featurePackagesFreeOfCycles}: the feature packages directly under the service's root
 *       ({@code dev.podium.events.event}, {@code …registration}, …, each with its sub-packages) form no
 *       cycle. A feature that must follow another's change listens to an application event that
 *       feature publishes; it is not called back.</li>
 *   <li>{@link #controllersGoThroughServices}: a {@code @Controller} reaches no Micronaut Data
 *       repository and no {@code Sql} (by simple name, wherever it lives): controllers stay thin.</li>
 *   <li>{@link #noOtherServiceCode}: a service uses no class of another service; what it needs from
 *       them arrives on Kafka, in the types of {@code contracts}.</li>
 *   <li>{@link #onlyControllersSeeTheAuthentication}: no class but a {@code @Controller} uses Micronaut's
 *       {@code Authentication}; controllers turn it into a {@code Caller}, and services and their
 *       access classes decide from that.</li>
 * </ol>
 * and {@link #CONTRACTS_STAND_ALONE} for the {@code contracts} module.
 *
 * <pre>{@code
 * class ArchitectureTest {
 *     @Test
 *     void followsTheServiceRules() {
 *         ServiceArchitecture.check("dev.podium.events");
 *     }
 * }
 * }</pre>
 *
 * The rules are {@link ArchRule}s, so they also serve as {@code @ArchTest} fields of an
 * {@code @AnalyzeClasses} class.
 */
public final class ServiceArchitecture {

    /** The root package of each service: none may use another's code. */
    public static final List<String> SERVICES = List.of("dev.podium.events", "dev.podium.talks", "dev.podium.notifications");

    /** Micronaut Data repositories: {@code @JdbcRepository} (or any {@code @Repository}) and {@code GenericRepository} subtypes. */
    public static final DescribedPredicate<JavaClass> REPOSITORIES = assignableTo("io.micronaut.data.repository.GenericRepository")
            .or(metaAnnotatedWith("io.micronaut.data.annotation.Repository"))
            .as("are Micronaut Data repositories");

    /** The signed-in request as Micronaut Security gives it to controllers. */
    public static final String AUTHENTICATION = "io.micronaut.security.authentication.Authentication";

    /** Plain SQL helpers: the class named {@code Sql}, whichever module holds it. */
    public static final DescribedPredicate<JavaClass> SQL = simpleName("Sql").as("are named Sql");

    /** {@code dev.podium.contracts} is what services share: it uses nothing else of Podium. */
    public static final ArchRule CONTRACTS_STAND_ALONE = noClasses()
            .that().resideInAPackage("dev.podium.contracts..")
            .should().dependOnClassesThat(resideInAPackage("dev.podium..").and(not(resideInAPackage("dev.podium.contracts.."))))
            .because("contracts are what the services share; they must not pull a service's or a shared module's code along");

    private static final String CONTROLLER = "io.micronaut.http.annotation.Controller";

    private static final Pattern GENERATED = Pattern.compile(".*/\\$[^/]*\\.class$");

    private ServiceArchitecture() {
    }

    /**
     * Fails (an {@link AssertionError} listing every violation) unless the service's own classes keep
     * every rule.
     */
    public static void check(String rootPackage) {
        all(rootPackage).check(mainClasses(rootPackage));
    }

    /** Every service rule, as one rule. */
    public static ArchRule all(String rootPackage) {
        return CompositeArchRule.of(featurePackagesFreeOfCycles(rootPackage))
                .and(controllersGoThroughServices(rootPackage))
                .and(noOtherServiceCode(rootPackage))
                .and(onlyControllersSeeTheAuthentication(rootPackage));
    }

    /** The feature packages under {@code rootPackage} (slices {@code rootPackage.(*)..}) form no cycle. */
    public static ArchRule featurePackagesFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").namingSlices("feature '$1'")
                .should().beFreeOfCycles()
                .because("a feature follows another's change by listening to the application event it publishes, "
                        + "not by being called back");
    }

    /** No {@code @Controller} under {@code rootPackage} uses a repository or {@code Sql}. */
    public static ArchRule controllersGoThroughServices(String rootPackage) {
        return noClasses()
                .that().resideInAPackage(rootPackage + "..")
                .and().areAnnotatedWith(CONTROLLER)
                .should().dependOnClassesThat(REPOSITORIES.or(SQL))
                .because("controllers stay thin: they check access and delegate to a feature's service");
    }

    /** No class under {@code rootPackage} but a {@code @Controller} uses Micronaut's {@code Authentication}. */
    public static ArchRule onlyControllersSeeTheAuthentication(String rootPackage) {
        return noClasses()
                .that().resideInAPackage(rootPackage + "..")
                .and().areNotAnnotatedWith(CONTROLLER)
                .should().dependOnClassesThat().haveFullyQualifiedName(AUTHENTICATION)
                .because("controllers turn the Authentication into a Caller; authorisation is decided from the Caller, "
                        + "in the services and their access classes");
    }

    /** No class under {@code rootPackage} uses a class of another service. */
    public static ArchRule noOtherServiceCode(String rootPackage) {
        String[] others = SERVICES.stream()
                .filter(service -> !rootPackage.equals(service) && !rootPackage.startsWith(service + "."))
                .map(service -> service + "..")
                .toArray(String[]::new);
        return noClasses()
                .that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services share only the messages of contracts, never code");
    }

    /**
     * The classes a service compiled from its sources under {@code rootPackage}: no tests, no jars and
     * none of the classes Micronaut generates beside them ({@code $…$Definition}, {@code $…$Intercepted}),
     * which repeat their source's dependencies.
     */
    public static JavaClasses mainClasses(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .withImportOption(location -> !location.matches(GENERATED))
                .importPackages(rootPackage);
    }

    /** The classes of {@code contracts}, wherever they are on the class path (its jar, or its build directory). */
    public static JavaClasses contractsClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.matches(GENERATED))
                .importPackages("dev.podium.contracts");
    }
}
