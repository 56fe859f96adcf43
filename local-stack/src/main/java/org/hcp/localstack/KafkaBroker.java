package org.hcp.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.hcp.events.Topics;

/**
 * A real single-node Kafka broker in KRaft mode, run inside this JVM from Apache Kafka's own jars.
 *
 * <p>It can be stopped and started again on the same ports and log directory, so tests can take Kafka away
 * and bring it back with its history intact.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final int nodeId;
    private final String voters;
    private final String clusterId;
    private final int replicas;
    private KafkaRaftServer server;

    public KafkaBroker(Path logDir, int port, int controllerPort) {
        this(logDir, port, controllerPort, 1, "1@127.0.0.1:" + controllerPort, null, 1);
    }

    /**
     * One node of a cluster (issue 31: a broker lost under load): broker and controller both, {@code voters} the
     * quorum ({@code 1@127.0.0.1:19093,2@…}), every node formatted with the same {@code clusterId}, Kafka's own
     * topics on {@code replicas} nodes with {@code replicas - 1} in sync.
     */
    public KafkaBroker(Path logDir, int port, int controllerPort, int nodeId, String voters, String clusterId,
            int replicas) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.nodeId = nodeId;
        this.voters = voters;
        this.clusterId = clusterId;
        this.replicas = replicas;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
            Properties props = properties();
            try (var out = Files.newBufferedWriter(config)) {
                props.store(out, "written by local-stack");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(config);
            }
            KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            raftServer.startup();
            server = raftServer;
            if (replicas == 1) {
                // A node of a cluster is ready only once a quorum is: its caller waits for the whole cluster.
                awaitReady(Duration.ofSeconds(60));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** Creates the topics that do not exist yet; every one keeps its history forever (docs/architecture.md). */
    public void createTopics(int partitions, String... names) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                if (!existing.contains(name)) {
                    topics.add(new NewTopic(name, partitions, (short) 1)
                            .configs(Topics.CONFIG));
                }
            }
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(props);
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(nodeId));
        props.put("controller.quorum.voters", voters);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "false");
        String minIsr = Integer.toString(Math.max(1, replicas - 1));
        props.put("offsets.topic.replication.factor", Integer.toString(replicas));
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", Integer.toString(replicas));
        props.put("transaction.state.log.min.isr", minIsr);
        props.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        props.put("share.coordinator.state.topic.min.isr", minIsr);
        props.put("unclean.leader.election.enable", "false");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.retention.ms", "-1");
        return props;
    }

    private void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String clusterId = this.clusterId != null ? this.clusterId : Uuid.randomUuid().toString();
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            StorageTool.execute(new String[]{"format", "-t", clusterId, "-c", config.toString()}, out);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka storage: " + output, e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get();
                return;
            } catch (Exception e) {
                last = new IllegalStateException("Kafka not ready", e);
                sleep(200);
            }
        }
        throw last != null ? last : new IllegalStateException("Kafka not ready");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
