package nl.metrokaart.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;

/**
 * The package rules every service keeps, checked on its byte code by its {@code FeatureBoundariesArchitectureTest}
 * ({@code @ArchTest static final ArchTests rules = ArchTests.in(FeatureBoundaries.class)}).
 *
 * <p>A class lives in {@code nl.metrokaart.<service>.<feature>..}. A feature owns its entities (its tables): other
 * features read them through its service or query port, which return its domain objects, and never query, create
 * or write them themselves. {@code FeatureBoundariesTest} shows each rule failing on a deliberately wrong fixture.
 */
public final class FeatureBoundaries {

    private static final String ROOT = "nl.metrokaart.";

    /** Packages every service may use: the chassis (and, in tests, the launchers and test kit). */
    private static final Set<String> SHARED = Set.of("platform", "infra");

    private static final String ENTITY = "jakarta.persistence.Entity";
    private static final String RESOURCE = "jakarta.ws.rs.Path";

    /** The persistence API a Panache entity inherits, as javac records it on the entity's own class. */
    private static final Set<String> PANACHE_METHODS = Set.of("find", "findAll", "findById", "findByIdOptional",
            "list", "listAll", "stream", "streamAll", "count", "exists", "delete", "deleteAll", "deleteById", "update",
            "persist", "persistAndFlush", "flush", "isPersistent", "getEntityManager", "getSession");

    private FeatureBoundaries() {
    }

    @ArchTest
    public static final ArchRule SERVICES_DO_NOT_DEPEND_ON_EACH_OTHER = classes()
            .that().resideInAPackage("nl.metrokaart..")
            .should(new ArchCondition<JavaClass>("depend on no other service's packages (only on the platform)") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String own = service(origin);
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        String target = service(dependency.getTargetClass());
                        if (target != null && !target.equals(own) && !SHARED.contains(target)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            })
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule FEATURES_ARE_FREE_OF_CYCLES = slices()
            .matching(ROOT + "(*).(*)..")
            .namingSlices("$1 feature $2")
            .should().beFreeOfCycles()
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule FEATURES_USE_EACH_OTHER_THROUGH_THEIR_SERVICES = classes()
            .that().resideInAPackage("nl.metrokaart..")
            .should(new ArchCondition<JavaClass>("leave the entities and repositories of other features to their "
                    + "services (no queries, creates, writes or class literals of them)") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (JavaAccess<?> access : origin.getAccessesFromSelf()) {
                        JavaClass owner = access.getTargetOwner();
                        if (!ownedByOtherFeature(origin, owner)) {
                            continue;
                        }
                        if (isRepository(owner) || isEntity(owner) && touchesPersistence(access)) {
                            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                        }
                    }
                    for (ReferencedClassObject literal : origin.getReferencedClassObjects()) {
                        JavaClass named = literal.getRawType();
                        if (ownedByOtherFeature(origin, named) && (isEntity(named) || isRepository(named))) {
                            events.add(SimpleConditionEvent.violated(literal, origin.getName() + " names the class of "
                                    + named.getName() + " in " + literal.getSourceCodeLocation()));
                        }
                    }
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        if (ownedByOtherFeature(origin, target) && isRepository(target)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            })
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule RESOURCES_DO_NOT_TOUCH_OTHER_FEATURES_ENTITIES = classes()
            .that().resideInAPackage("nl.metrokaart..").and().areAnnotatedWith(RESOURCE)
            .should(new ArchCondition<JavaClass>("not depend on entities of another feature") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        if (ownedByOtherFeature(origin, target) && isEntity(target)) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            })
            .allowEmptyShould(true);

    /** A call of the inherited persistence API, a constructor (a new row) or a field write. */
    private static boolean touchesPersistence(JavaAccess<?> access) {
        if (access instanceof JavaConstructorCall) {
            return true;
        }
        if (access instanceof JavaFieldAccess fieldAccess) {
            return fieldAccess.getAccessType() != JavaFieldAccess.AccessType.GET;
        }
        if (access instanceof JavaMethodCall call) {
            AccessTarget.MethodCallTarget target = call.getTarget();
            Optional<String> declaredBy = target.resolveMember().map(JavaMember::getOwner).map(JavaClass::getName);
            return declaredBy.map(name -> name.startsWith("io.quarkus.") || name.startsWith("jakarta.persistence."))
                    .orElse(PANACHE_METHODS.contains(target.getName()));
        }
        return false;
    }

    private static boolean ownedByOtherFeature(JavaClass origin, JavaClass target) {
        String own = feature(origin);
        String other = feature(target);
        return own != null && other != null && !own.equals(other) && service(origin).equals(service(target));
    }

    private static boolean isEntity(JavaClass type) {
        return type.isAnnotatedWith(ENTITY);
    }

    private static boolean isRepository(JavaClass type) {
        return type.getSimpleName().endsWith("Repository")
                || type.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase");
    }

    /** {@code programme} for {@code nl.metrokaart.programme.project.Project}; null outside the suite. */
    private static String service(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return null;
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** {@code programme.project} for {@code nl.metrokaart.programme.project.Project}; null outside a feature. */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return null;
        }
        String[] parts = name.substring(ROOT.length()).split("\\.");
        return parts.length < 2 ? null : parts[0] + "." + parts[1];
    }
}
