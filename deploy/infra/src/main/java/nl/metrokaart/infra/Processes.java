package nl.metrokaart.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stopping the servers the launchers start as child processes. */
public final class Processes {

    private Processes() {
    }

    /**
     * Asks a process and all its descendants to stop (SIGTERM), waits up to {@code timeout} for all of them, then
     * kills what is left. Descendants are collected first: once a launcher script exits, its orphaned JVM is no
     * longer its descendant.
     */
    public static void stopTree(Process process, Duration timeout) {
        List<ProcessHandle> processes = new ArrayList<>(process.descendants().toList());
        processes.add(process.toHandle());
        processes.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessHandle handle : processes) {
            long remaining = Math.max(0, deadline - System.nanoTime());
            try {
                handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                handle.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                handle.destroyForcibly();
            }
        }
    }
}
