package nl.metrokaart.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceJvmTest {

    @TempDir
    Path quarkusApp;

    @Test
    void theArchiveIsUsedWhenThePackageHasOne() throws Exception {
        assertFalse(ServiceJvm.options(quarkusApp, false).stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile")),
                "no archive, no option (the JVM would warn on every start)");
        Files.writeString(quarkusApp.resolve(ServiceJvm.CLASS_DATA_ARCHIVE), "archive");
        assertTrue(ServiceJvm.options(quarkusApp, false).contains(
                "-XX:SharedArchiveFile=" + quarkusApp.resolve(ServiceJvm.CLASS_DATA_ARCHIVE).toAbsolutePath()));
    }

    @Test
    void onlyAQuickStartStopsAtTheQuickCompiler() {
        assertTrue(ServiceJvm.options(quarkusApp, true).contains(ServiceJvm.QUICK_COMPILER));
        assertFalse(ServiceJvm.options(quarkusApp, false).contains(ServiceJvm.QUICK_COMPILER));
        assertTrue(ServiceJvm.options(quarkusApp, false).containsAll(ServiceJvm.MEMORY));
        assertTrue(ServiceJvm.options(quarkusApp, false).contains(ServiceJvm.GARBAGE_COLLECTOR));
    }

    /** The options are ones this JDK knows (an unknown or experimental-but-locked flag stops the JVM at once). */
    @Test
    void thisJdkStartsWithTheOptions() throws Exception {
        List<String> command = new ArrayList<>(List.of(KafkaBroker.javaExecutable()));
        command.addAll(ServiceJvm.options(quarkusApp, true));
        command.add("-version");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(ServiceJvm.ENVIRONMENT);
        Process java = builder.start();
        String output = new String(java.getInputStream().readAllBytes());
        assertTrue(java.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, java.exitValue(), output);
    }
}
