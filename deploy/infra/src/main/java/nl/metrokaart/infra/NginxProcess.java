package nl.metrokaart.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * nginx as a child process: the binary found on this machine, {@code nginx -t} on a configuration, nginx run in the
 * foreground ({@code -p <run dir> -c <config> -e stderr -g 'daemon off;'}) and stopped gracefully.
 */
final class NginxProcess {

    static final String INSTALL_HINT = "install it with apt-get install -y nginx libnginx-mod-http-js";
    private static final long STOP_SECONDS = 10;

    private final Process process;

    private NginxProcess(Process process) {
        this.process = process;
    }

    /** The nginx binary: the first in PATH, else the usual sbin directories. */
    static Path find() {
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, "nginx"));
                }
            }
        }
        candidates.add(Path.of("/usr/sbin/nginx"));
        candidates.add(Path.of("/usr/local/sbin/nginx"));
        candidates.add(Path.of("/sbin/nginx"));
        return candidates.stream()
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "nginx was not found in PATH or /usr/sbin: " + INSTALL_HINT));
    }

    /** {@code nginx -t}: fails with nginx's own explanation when it rejects the configuration. */
    static void checkConfig(Path nginx, Path run, Path config) {
        try {
            Process test = new ProcessBuilder(nginx.toString(), "-t", "-p", run + "/", "-c", config.toString(),
                    "-e", "stderr")
                    .directory(run.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!test.waitFor(30, TimeUnit.SECONDS)) {
                test.destroyForcibly();
                throw new IllegalStateException("nginx -t did not finish for " + config);
            }
            if (test.exitValue() != 0) {
                throw new IllegalStateException("nginx -t rejected " + config + ":\n" + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + nginx + " -t", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the nginx configuration", e);
        }
    }

    /** Starts nginx in the foreground with prefix {@code run}, its output in {@code log}. */
    static NginxProcess start(Path nginx, Path run, Path config, Path log) {
        try {
            return new NginxProcess(new ProcessBuilder(nginx.toString(), "-p", run + "/", "-c", config.toString(),
                    "-e", "stderr", "-g", "daemon off;")
                    .directory(run.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + nginx, e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    /** Graceful stop (SIGQUIT: finish open requests), forcibly after 10 s. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> workers = process.descendants().toList();
        if (!signal("QUIT", process.pid())) {
            process.destroy();
        }
        try {
            if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                workers.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** An nginx left running from this run directory (a JVM that died without close()) would hold the port. */
    static void stopStale(Path run) {
        Path pidFile = run.resolve("nginx.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).strip());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
            if (handle.isEmpty() || !Files.isReadable(cmdline)) {
                return;
            }
            String command = Files.readString(cmdline).replace('\0', ' ');
            if (!command.contains("nginx") || !command.contains(run.toString())) {
                return;
            }
            List<ProcessHandle> workers = handle.get().descendants().toList();
            if (!signal("QUIT", pid)) {
                handle.get().destroy();
            }
            try {
                handle.get().onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
            } catch (Exception e) {
                workers.forEach(ProcessHandle::destroyForcibly);
                handle.get().destroyForcibly();
            }
        } catch (IOException | NumberFormatException e) {
            // no usable pid file: nothing to stop
        }
    }

    private static boolean signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
