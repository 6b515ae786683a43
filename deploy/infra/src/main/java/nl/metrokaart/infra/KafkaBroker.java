package nl.metrokaart.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), either inside this JVM
 * (fast, for tests) or as a separate {@code kafka.Kafka} process (for the local stack). The storage is formatted
 * once; {@link #stop()} and {@link #start()} keep the data and ports, so tests can take the broker away and
 * bring it back.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final String javaClasspath;
    private KafkaRaftServer inJvmServer;
    private Process process;

    private KafkaBroker(Path directory, int port, String javaClasspath) {
        this.directory = directory;
        this.port = Ports.orFree(port);
        this.controllerPort = Ports.free();
        this.javaClasspath = javaClasspath;
    }

    /** Formats storage under {@code directory} and starts the broker inside this JVM. */
    public static KafkaBroker inJvm(Path directory, int port) {
        KafkaBroker broker = new KafkaBroker(directory, port, null);
        broker.format();
        broker.start();
        return broker;
    }

    /** Formats storage under {@code directory} and starts the broker as a child process on the given classpath. */
    public static KafkaBroker process(Path directory, int port, String classpath) {
        KafkaBroker broker = new KafkaBroker(directory, port, classpath);
        broker.format();
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    private Path configFile() {
        return directory.resolve("server.properties");
    }

    private Properties config() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", directory.resolve("data").toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        // A single node: every internal topic has one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // No fsync per message (Kafka's default: the page cache and, in a cluster, replication keep the data); a
        // sync per record made every acknowledgement, and so every event's propagation, wait for the disk.
        return props;
    }

    private void format() {
        try {
            Directories.deleteRecursively(directory);
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(configFile())) {
                config().store(out, "Metrokaart single-node KRaft broker");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka: cannot prepare " + directory, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] {"format", "--config", configFile().toString(),
                "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Starts (or restarts) the broker on the same port and data, waiting until it accepts connections. */
    public synchronized void start() {
        if (javaClasspath == null) {
            inJvmServer = new KafkaRaftServer(KafkaConfig.fromProps(config(), false), Time.SYSTEM);
            inJvmServer.startup();
        } else {
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms64m", "-Xmx512m",
                    "-cp", javaClasspath, "kafka.Kafka", configFile().toString()));
            try {
                process = new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("kafka.log").toFile()))
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Kafka process did not start", e);
            }
        }
        Readiness.await("Kafka broker on port " + port, Duration.ofSeconds(60), () -> {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException("Kafka process exited with " + process.exitValue()
                        + "; see " + directory.resolve("kafka.log"));
            }
            return Ports.isOpen(port);
        });
    }

    /** Stops the broker, keeping its data, so that {@link #start()} can bring it back. */
    public synchronized void stop() {
        if (inJvmServer != null) {
            inJvmServer.shutdown();
            inJvmServer.awaitShutdown();
            inJvmServer = null;
        }
        if (process != null) {
            Processes.stopTree(process, Duration.ofSeconds(30));
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
