package dk.rm.patientsafety.service.health;

import dk.rm.patientsafety.testkit.TestKafka;
import dk.rm.patientsafety.kafka.EmbeddedKafkaBroker;
import dk.rm.patientsafety.kafka.KafkaAccounts;
import dk.rm.patientsafety.topics.KafkaLogin;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.SaslAuthenticateRequestData;
import org.apache.kafka.common.message.SaslHandshakeRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.SaslAuthenticateRequest;
import org.apache.kafka.common.requests.SaslAuthenticateResponse;
import org.apache.kafka.common.requests.SaslHandshakeRequest;
import org.apache.kafka.common.requests.SaslHandshakeResponse;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On a real broker: a transaction open on a partition that no coordinator tracks (here written by a producer the
 * coordinator never saw, as a crash can leave one) blocks read-committed readers until the guard aborts it; a live
 * transaction is left alone.
 */
class HangingTransactionGuardIT {

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;
    /** The guard works with its own account's rights, as the platform runs it, not the administrator's. */
    private static Admin guardAdmin;

    @BeforeAll
    static void start() {
        // Without partition verification the broker takes a transactional write its coordinator never recorded, which
        // is the state a hanging transaction leaves behind.
        broker = EmbeddedKafkaBroker.start(0, null, Map.of("transaction.partition.verification.enable", "false"));
        admin = Admin.create(broker.adminConfig());
        guardAdmin = Admin.create(KafkaAccounts.provision(broker, Optional.empty()).login(KafkaPrincipals.TRANSACTION_GUARD).clientConfig());
    }

    @AfterAll
    static void stop() {
        guardAdmin.close();
        admin.close();
        broker.close();
    }

    @Test
    void abortsATransactionItsCoordinatorDoesNotTrackAndLeavesALiveOneAlone() throws Exception {
        TopicPartition hangingPartition = new TopicPartition("hanging", 0);
        TopicPartition livePartition = new TopicPartition("live", 0);
        admin.createTopics(List.of(new NewTopic("hanging", 1, (short) 1), new NewTopic("live", 1, (short) 1))).all().get();
        writeTransactionalRecordNoCoordinatorKnows(hangingPartition);
        try (KafkaProducer<String, String> live = new KafkaProducer<>(TestKafka.config(broker.adminLogin(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "live-txn", ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 600_000),
                new StringSerializer(), new StringSerializer())) {
            live.initTransactions();
            live.beginTransaction();
            live.send(new ProducerRecord<>("live", "k", "v")).get();
            assertEquals(0, committedEnd(hangingPartition), "the open transaction holds back read-committed readers");

            SimpleMeterRegistry metrics = new SimpleMeterRegistry();
            Instant[] now = {Instant.parse("2026-12-04T10:00:00Z")};
            Clock clock = new Clock() {
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                public Instant instant() {
                    return now[0];
                }
            };
            HangingTransactionGuard guard = new HangingTransactionGuard(guardAdmin, metrics, Duration.ofSeconds(30), clock);
            assertEquals(List.of(), guard.find(), "first seen: not yet known to stand still");
            now[0] = now[0].plusSeconds(29);
            assertEquals(List.of(), guard.find(), "standing still, but not yet for the allowed time");
            now[0] = now[0].plusSeconds(2);
            List<HangingTransactionGuard.Hanging> found = guard.find();
            assertEquals(List.of(hangingPartition), found.stream().map(HangingTransactionGuard.Hanging::partition).toList(),
                    "only the untracked transaction is hanging");

            guard.guard();
            assertEquals(2, awaitCommittedEnd(hangingPartition, 2), "record and abort marker: readers move on");
            assertEquals(1.0, metrics.counter("kafka.transactions.aborted").count());
            assertEquals(List.of(), guard.find());
            assertEquals(0, committedEnd(livePartition), "the live transaction is still open");
            live.commitTransaction();
            assertEquals(2, awaitCommittedEnd(livePartition, 2));
        }
    }

    /** Markers are written after the call that asks for them returns, so the end is waited for. */
    private static long awaitCommittedEnd(TopicPartition partition, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        long end = committedEnd(partition);
        while (end < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            end = committedEnd(partition);
        }
        return end;
    }

    private static long committedEnd(TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partition).get().offset();
    }

    /**
     * A raw produce request carrying a transactional batch from a producer id no coordinator has handed out. A new
     * topic's leader is elected after createTopics returns, so a request that comes too early is sent again.
     */
    private static void writeTransactionalRecordNoCoordinatorKnows(TopicPartition partition) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        Errors error = produceOnce(partition);
        while (error.exception() instanceof RetriableException
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            error = produceOnce(partition);
        }
        assertEquals(Errors.NONE, error, "produce error " + error);
    }

    private static Errors produceOnce(TopicPartition partition) throws Exception {
        MemoryRecords records = MemoryRecords.withTransactionalRecords(Compression.NONE, 4242L, (short) 0, 0,
                new SimpleRecord("k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8)));
        ProduceRequestData.TopicProduceDataCollection topics = new ProduceRequestData.TopicProduceDataCollection();
        topics.add(new ProduceRequestData.TopicProduceData().setName(partition.topic()).setPartitionData(List.of(
                new ProduceRequestData.PartitionProduceData().setIndex(partition.partition()).setRecords(records))));
        short version = 11; // topics by name
        ProduceRequest request = ProduceRequest.builder(new ProduceRequestData().setTransactionalId("ghost-txn")
                .setAcks((short) -1).setTimeoutMs(10_000).setTopicData(topics)).build(version);
        KafkaLogin operator = broker.adminLogin();
        String[] hostPort = operator.bootstrapServers().split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            signIn(socket, operator);
            RequestHeader header = new RequestHeader(ApiKeys.PRODUCE, version, "hanging-test", 3);
            ProduceResponse response = (ProduceResponse) exchange(socket, request, header);
            return response.data().responses().stream().flatMap(t -> t.partitionResponses().stream())
                    .map(p -> Errors.forCode(p.errorCode())).filter(e -> e != Errors.NONE).findFirst().orElse(Errors.NONE);
        }
    }

    /** SASL PLAIN on a raw connection, as a client library does before its first request. */
    private static void signIn(Socket socket, KafkaLogin login) throws Exception {
        SaslHandshakeResponse handshake = (SaslHandshakeResponse) exchange(socket,
                new SaslHandshakeRequest.Builder(new SaslHandshakeRequestData().setMechanism(KafkaLogin.PLAIN)).build((short) 1),
                new RequestHeader(ApiKeys.SASL_HANDSHAKE, (short) 1, "hanging-test", 1));
        assertEquals(Errors.NONE, Errors.forCode(handshake.data().errorCode()));
        byte[] plain = ("\0" + login.username() + "\0" + login.password()).getBytes(StandardCharsets.UTF_8);
        SaslAuthenticateResponse authenticated = (SaslAuthenticateResponse) exchange(socket,
                new SaslAuthenticateRequest.Builder(new SaslAuthenticateRequestData().setAuthBytes(plain)).build((short) 2),
                new RequestHeader(ApiKeys.SASL_AUTHENTICATE, (short) 2, "hanging-test", 2));
        assertEquals(Errors.NONE, Errors.forCode(authenticated.data().errorCode()), authenticated.data().errorMessage());
    }

    private static AbstractResponse exchange(Socket socket, AbstractRequest request, RequestHeader header) throws Exception {
        ByteBuffer bytes = request.serializeWithHeader(header);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(bytes.remaining());
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] answer = new byte[in.readInt()];
        in.readFully(answer);
        return AbstractResponse.parseResponse(ByteBuffer.wrap(answer), header);
    }

}
