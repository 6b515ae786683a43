package nl.metrokaart.programme;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * CONTRIBUTING.md's "one style": a service returns its feature's domain objects and the resource maps them with
 * {@code XResponse.of(...)}. Checked for the features converted to it (milestones, dependencies): no public method
 * of their services returns a {@code *Response}, nor a list or page of them.
 */
@AnalyzeClasses(packages = "nl.metrokaart.programme", importOptions = ImportOption.DoNotIncludeTests.class)
class ServicesReturnDomainObjectsArchitectureTest {

    @ArchTest
    static final ArchRule MILESTONE_AND_DEPENDENCY_SERVICES_RETURN_DOMAIN_OBJECTS = methods()
            .that().areDeclaredInClassesThat().haveSimpleNameEndingWith("Service")
            .and().areDeclaredInClassesThat().resideInAnyPackage("nl.metrokaart.programme.milestone",
                    "nl.metrokaart.programme.dependency")
            .and().arePublic()
            .should(new ArchCondition<JavaMethod>("return domain objects, not *Response representations") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    for (JavaClass type : method.getReturnType().getAllInvolvedRawTypes()) {
                        if (type.getSimpleName().endsWith("Response")) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " returns "
                                    + method.getReturnType().getName()));
                        }
                    }
                }
            });
}
