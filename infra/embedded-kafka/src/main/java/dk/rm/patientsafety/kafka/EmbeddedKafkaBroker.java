package dk.rm.patientsafety.kafka;

import kafka.server.KafkaConfig;
import dk.rm.patientsafety.topics.KafkaLogin;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FeatureUpdate;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.UpdateFeaturesOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) inside this JVM: the same
 * {@link KafkaRaftServer} that {@code kafka-server-start.sh} runs, formatted like {@code kafka-storage.sh format}.
 * <p>
 * Secured as a region runs Kafka: clients sign in with SASL SCRAM-SHA-512 on the client port, and the standard KRaft
 * authorizer denies whatever no ACL allows. The cluster's administrator ({@value #ADMIN}, a super user) signs in with
 * PLAIN on a second, internal listener that the broker and controller also use among themselves; its password is made
 * once per log directory and kept there, readable by its owner only.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /**
     * Transaction version 2 (the default of Kafka 4.x) left transactions open on partitions after a SIGKILL of this
     * single-node broker with its clients (two of three runs of CrashFaultIT): markers resent by the restarted
     * coordinator can be refused under version 2's epoch bump at every transaction's end (KAFKA-19999), and the
     * coordinator forgets the transaction. Formatted with version 1, four runs left none. Exactly-once streams work the
     * same on either version.
     */
    static final String TRANSACTION_VERSION = "transaction.version";
    static final short SAFE_TRANSACTION_VERSION = 1;

    /** The cluster's administrator: the only super user. */
    public static final String ADMIN = "admin";

    private final int port;
    private final int internalPort;
    private final String adminPassword;
    private final Path logDir;
    private final boolean deleteOnClose;
    private final KafkaRaftServer server;

    private EmbeddedKafkaBroker(int port, int internalPort, String adminPassword, Path logDir, boolean deleteOnClose, KafkaRaftServer server) {
        this.port = port;
        this.internalPort = internalPort;
        this.adminPassword = adminPassword;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.server = server;
    }

    /** Starts a broker on a free port with a throw-away log directory. */
    public static EmbeddedKafkaBroker startEphemeral() {
        return start(0, null);
    }

    /**
     * Starts a broker.
     *
     * @param port   the client port, or 0 for a free one
     * @param logDir where the log lives (kept across restarts), or null for a temporary directory deleted on close
     */
    public static EmbeddedKafkaBroker start(int port, Path logDir) {
        return start(port, logDir, Map.of());
    }

    /** Starts a broker with some of its settings changed (tests of how clients cope with a broker set otherwise). */
    public static EmbeddedKafkaBroker start(int port, Path logDir, Map<String, String> overrides) {
        Instant begin = Instant.now();
        boolean ephemeral = logDir == null;
        Path dir = ephemeral ? createTempDir() : logDir;
        int clientPort = port == 0 ? freePort() : port;
        int internalPort = freePort();
        String adminPassword = Secrets.keptIn(dir.resolve("admin.password"));
        Properties properties = brokerProperties(clientPort, internalPort, controllerPort(dir, ephemeral), dir, adminPassword);
        properties.putAll(overrides);
        KafkaConfig config = new KafkaConfig(properties, false);
        format(config, dir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(clientPort, internalPort, adminPassword, dir, ephemeral, server);
        broker.awaitReady(Duration.ofSeconds(60));
        broker.keepTransactionVersion();
        LOG.info("Kafka broker ready at {} in {} ms", broker.bootstrapServers(), Duration.between(begin, Instant.now()).toMillis());
        return broker;
    }

    /** Where clients connect, signing in with SCRAM-SHA-512. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The administrator's sign-in (a super user, on the internal listener): for provisioning accounts, ACLs and tests. */
    public KafkaLogin adminLogin() {
        return new KafkaLogin("127.0.0.1:" + internalPort, KafkaLogin.PLAIN, ADMIN, adminPassword, "SASL_PLAINTEXT");
    }

    /** Settings for a client that signs in as the administrator. */
    public Map<String, Object> adminConfig() {
        return adminLogin().clientConfig();
    }

    /** A login on the client port for one of the cluster's SCRAM accounts. */
    public KafkaLogin login(String username, String password) {
        return KafkaLogin.scram(bootstrapServers(), username, password);
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteRecursively(logDir);
        }
    }

    static Properties brokerProperties(int clientPort, int internalPort, int controllerPort, Path logDir, String adminPassword) {
        String adminJaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + adminPassword + "\" user_" + ADMIN + "=\"" + adminPassword + "\";";
        Properties props = new Properties();
        props.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "CLIENT://127.0.0.1:" + clientPort + ",INTERNAL://127.0.0.1:" + internalPort
                        + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "CLIENT://127.0.0.1:" + clientPort + ",INTERNAL://127.0.0.1:" + internalPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "INTERNAL"),
                Map.entry("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"),
                // Clients: SCRAM-SHA-512 accounts only. The administrator and the node itself: PLAIN, on the internal
                // listener and the controller's, with the one password only they know.
                Map.entry("listener.name.client.sasl.enabled.mechanisms", "SCRAM-SHA-512"),
                Map.entry("listener.name.client.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
                Map.entry("listener.name.internal.sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("listener.name.internal.plain.sasl.jaas.config", adminJaas),
                Map.entry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("listener.name.controller.plain.sasl.jaas.config", adminJaas),
                Map.entry("sasl.mechanism.inter.broker.protocol", "PLAIN"),
                Map.entry("sasl.mechanism.controller.protocol", "PLAIN"),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                Map.entry("super.users", "User:" + ADMIN),
                Map.entry("allow.everyone.if.no.acl.found", "false"),
                Map.entry("log.dirs", logDir.toString()),
                // One node: every internal topic has one replica, and fewer partitions make start-up quick.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "5"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "5"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Topics are created by the platform's topic registry, never by accident.
                Map.entry("auto.create.topics.enable", "false"),
                // Threads sized for a machine the broker shares with the services: more only switch contexts.
                Map.entry("num.io.threads", "2"),
                Map.entry("num.network.threads", "2"),
                Map.entry("num.partitions", "1")));
        return props;
    }

    private static void format(KafkaConfig config, Path dir) {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return; // formatted before: keep the data, as a restarted broker does
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(java.io.OutputStream.nullOutputStream()))
                    .setNodeId(config.nodeId())
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName("CONTROLLER")
                    .setFeatureLevel(TRANSACTION_VERSION, SAFE_TRANSACTION_VERSION)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(dir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format Kafka log directory " + dir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        try (Admin admin = Admin.create(adminConfig())) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Kafka broker did not become ready within " + timeout, e);
        }
    }

    /**
     * The controller listens where it did before: the quorum's address is part of what a kept log directory describes,
     * so a restart on the same data keeps it (a free port is chosen and written down the first time).
     */
    /** A log directory formatted before this setting (or by hand) is brought down to the safe transaction version. */
    private void keepTransactionVersion() {
        try (Admin admin = Admin.create(adminConfig())) {
            FinalizedVersionRange finalized = admin.describeFeatures().featureMetadata().get(30, TimeUnit.SECONDS)
                    .finalizedFeatures().get(TRANSACTION_VERSION);
            if (finalized != null && finalized.maxVersionLevel() > SAFE_TRANSACTION_VERSION) {
                admin.updateFeatures(Map.of(TRANSACTION_VERSION, new FeatureUpdate(SAFE_TRANSACTION_VERSION,
                        FeatureUpdate.UpgradeType.SAFE_DOWNGRADE)), new UpdateFeaturesOptions()).all().get(30, TimeUnit.SECONDS);
                LOG.info("Transaction version lowered from {} to {}", finalized.maxVersionLevel(), SAFE_TRANSACTION_VERSION);
            }
        } catch (Exception e) {
            LOG.warn("Could not keep {} at {}; hanging transactions after a crash are left to the platform's guard",
                    TRANSACTION_VERSION, SAFE_TRANSACTION_VERSION, e);
        }
    }

    private static int controllerPort(Path dir, boolean ephemeral) {
        if (ephemeral) {
            return freePort();
        }
        Path file = dir.resolve("controller.port");
        try {
            if (Files.exists(file)) {
                return Integer.parseInt(Files.readString(file).strip());
            }
            Files.createDirectories(dir);
            int port = freePort();
            Files.writeString(file, Integer.toString(port));
            return port;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Cannot keep the controller port in " + file, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createTempDir() {
        try {
            return Files.createTempDirectory("kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}", dir, e);
        }
    }
}
