package nl.metrokaart.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the JVM of a Metrokaart service runs, in one place: {@link ServiceProcess} starts every service of the tests
 * and of the local run with it, and deploy/kubernetes renders the same settings into each overlay's pods
 * ({@code GeneratedManifests}). Chosen by measuring start to ready and RSS at rest and after load on the 2-core
 * machine (README, "Start-up and memory").
 */
public final class ServiceJvm {

    /**
     * The collector. On two cores a concurrent collector's threads and remembered sets cost CPU and native memory a
     * heap this small does not need back; young collections of this heap take a few milliseconds.
     */
    public static final String GARBAGE_COLLECTOR = "-XX:+UseSerialGC";

    /** Heap and native memory; what each bounds is measured in the README. */
    public static final List<String> MEMORY = List.of(
            "-Xms128m",
            "-Xmx192m",
            // glibc hands freed native memory (compiler arenas, Netty's direct buffers) back every few seconds.
            "-XX:+UnlockExperimentalVMOptions",
            "-XX:TrimNativeHeapInterval=5000");

    /**
     * The process environment: two glibc malloc arenas instead of eight per core, each of which keeps freed memory
     * of its own.
     */
    public static final Map<String, String> ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");

    /** Tests: the quick (C1) compiler only, which starts sooner; a long run gets the optimising one too. */
    public static final String QUICK_COMPILER = "-XX:TieredStopAtLevel=1";

    /**
     * The class-data archive Quarkus writes beside {@code quarkus-run.jar} when it packages a service
     * ({@code quarkus.package.jar.appcds.enabled}, parent pom): the classes of start-up, parsed and verified once.
     */
    public static final String CLASS_DATA_ARCHIVE = "app-cds.jsa";

    private ServiceJvm() {
    }

    /** The JVM options for the service packaged in {@code quarkusApp} ({@code target/quarkus-app}). */
    public static List<String> options(Path quarkusApp, boolean quickStart) {
        List<String> options = new ArrayList<>();
        options.add(GARBAGE_COLLECTOR);
        options.addAll(MEMORY);
        if (quickStart) {
            options.add(QUICK_COMPILER);
        }
        Path archive = quarkusApp.resolve(CLASS_DATA_ARCHIVE);
        if (Files.isRegularFile(archive)) {
            options.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
        }
        return options;
    }
}
