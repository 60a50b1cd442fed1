package dk.rm.patientsafety.service.health;

import dk.rm.patientsafety.kafka.EmbeddedKafkaBroker;
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
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.AbstractResponse;
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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * On a real broker: a transaction open on a partition that no coordinator tracks (here written by a producer the
 * coordinator never saw, as a crash can leave one) blocks read-committed readers until the guard aborts it; a live
 * transaction is left alone.
 */
class HangingTransactionGuardIT {

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void start() {
        // Without partition verification the broker takes a transactional write its coordinator never recorded, which
        // is the state a hanging transaction leaves behind.
        broker = EmbeddedKafkaBroker.start(0, null, Map.of("transaction.partition.verification.enable", "false"));
        admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        admin.close();
        broker.close();
    }

    @Test
    void abortsATransactionItsCoordinatorDoesNotTrackAndLeavesALiveOneAlone() throws Exception {
        TopicPartition hangingPartition = new TopicPartition("hanging", 0);
        TopicPartition livePartition = new TopicPartition("live", 0);
        admin.createTopics(List.of(new NewTopic("hanging", 1, (short) 1), new NewTopic("live", 1, (short) 1))).all().get();
        writeTransactionalRecordNoCoordinatorKnows(hangingPartition);
        try (KafkaProducer<String, String> live = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
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
            HangingTransactionGuard guard = new HangingTransactionGuard(admin, metrics, Duration.ofSeconds(30), clock);
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
        RequestHeader header = new RequestHeader(ApiKeys.PRODUCE, version, "hanging-test", 1);
        try (Socket socket = new Socket("127.0.0.1", broker.port())) {
            ByteBuffer bytes = request.serializeWithHeader(header);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(bytes.remaining());
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] answer = new byte[in.readInt()];
            in.readFully(answer);
            ProduceResponse response = (ProduceResponse) AbstractResponse.parseResponse(ByteBuffer.wrap(answer), header);
            return response.data().responses().stream().flatMap(t -> t.partitionResponses().stream())
                    .map(p -> Errors.forCode(p.errorCode())).filter(e -> e != Errors.NONE).findFirst().orElse(Errors.NONE);
        }
    }
}
