package nl.metrokaart.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import jakarta.persistence.AttributeConverter;
import nl.metrokaart.wrong.PlatformConcernFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Nothing in a service re-implements a platform concern", checked on a service's main classes and sources: a
 * subclass named {@code PlatformConcernsArchitectureTest} in the service's test sources names its base package.
 * The last two tests show that each rule reports a deliberately wrong fixture.
 */
public abstract class PlatformConcernsRules {

    /** Paging, cursors, the clock, back-off, advisory locks and enum mapping live once, in the platform. */
    public static final ArchRule NO_PLATFORM_CONCERN_REIMPLEMENTED = noClasses()
            .that().resideOutsideOfPackage("nl.metrokaart.platform..")
            .should().haveSimpleNameEndingWith("Paging")
            .orShould().haveSimpleNameContaining("Cursor")
            .orShould().haveSimpleName("ClockProducer")
            .orShould().haveSimpleNameContaining("Backoff")
            .orShould().haveSimpleNameContaining("BackOff")
            .orShould().haveSimpleNameContaining("AdvisoryLock")
            .orShould().haveSimpleNameStartingWith("ApiValue")
            .because("the platform holds paging and cursors (paging), the clock (time), back-off (retry), advisory "
                    + "locks (persistence) and enum mapping (enums) once, for every service");

    /** Enums are stored by their API value through the platform's converter, not by converters of their own. */
    public static final ArchRule ENUMS_STORED_BY_API_VALUE = classes()
            .that().areAssignableTo(AttributeConverter.class).and().areNotInterfaces().and().resideOutsideOfPackage("nl.metrokaart.platform..")
            .should().beAssignableTo("nl.metrokaart.platform.enums.ApiValueConverter")
            .because("an enum is stored by its API value with a nested ApiValueConverter subclass")
            .allowEmptyShould(true);

    static {
        // The rules look at names and direct supertypes only: no need to import every library a service uses.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    private static final Pattern ADVISORY_LOCK_SQL = Pattern.compile("pg_(try_)?advisory", Pattern.CASE_INSENSITIVE);

    /** The service's base package, e.g. {@code nl.metrokaart.programme}. */
    protected abstract String servicePackage();

    @Test
    void noServiceClassReimplementsAPlatformConcern() {
        JavaClasses service = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage());
        NO_PLATFORM_CONCERN_REIMPLEMENTED.check(service);
        ENUMS_STORED_BY_API_VALUE.check(service);
    }

    @Test
    void noServiceSourceTakesAnAdvisoryLockItself() {
        assertEquals(List.of(), advisoryLockSql(Path.of("src/main/java")),
                "advisory locks go through nl.metrokaart.platform.persistence.AdvisoryLocks");
    }

    @Test
    void theClassRulesReportAFixtureThatBreaksThem() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(PlatformConcernFixtures.ProjectCursor.class,
                PlatformConcernFixtures.MailBackoff.class, PlatformConcernFixtures.ClockProducer.class, PlatformConcernFixtures.StatusConverter.class);
        EvaluationResult names = NO_PLATFORM_CONCERN_REIMPLEMENTED.evaluate(fixtures);
        String report = String.join("\n", names.getFailureReport().getDetails());
        assertTrue(report.contains(PlatformConcernFixtures.ProjectCursor.class.getName()), report);
        assertTrue(report.contains(PlatformConcernFixtures.MailBackoff.class.getName()), report);
        assertTrue(report.contains(PlatformConcernFixtures.ClockProducer.class.getName()), report);
        String converters = String.join("\n", ENUMS_STORED_BY_API_VALUE.evaluate(fixtures).getFailureReport().getDetails());
        assertTrue(converters.contains(PlatformConcernFixtures.StatusConverter.class.getName()), converters);
    }

    @Test
    void theSourceRuleReportsAFixtureThatBreaksIt(@TempDir Path sources) throws IOException {
        Path fixture = Files.createDirectories(sources.resolve("nl/metrokaart/wrong")).resolve("Locking.java");
        Files.writeString(fixture, """
                package nl.metrokaart.wrong;

                class Locking {
                    static final String SQL = "SELECT pg_advisory_xact_lock(42)";
                }
                """);
        assertEquals(List.of(fixture + ":4"), advisoryLockSql(sources));
    }

    /** Every {@code file:line} under {@code root} whose Java source names a PostgreSQL advisory lock function. */
    static List<String> advisoryLockSql(Path root) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (ADVISORY_LOCK_SQL.matcher(lines.get(i)).find()) {
                        found.add(file + ":" + (i + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
