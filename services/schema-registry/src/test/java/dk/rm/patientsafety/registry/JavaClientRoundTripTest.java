package dk.rm.patientsafety.registry;

import dk.rm.patientsafety.kafka.KafkaAccounts;
import dk.rm.patientsafety.topics.KafkaPrincipals;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.kafka.EmbeddedKafkaBroker;
import dk.rm.patientsafety.serde.AvroDeserializer;
import dk.rm.patientsafety.serde.CachingSchemaRegistryClient;
import dk.rm.patientsafety.serde.CompatibilityLevel;
import dk.rm.patientsafety.serde.ConfluentWireFormat;
import dk.rm.patientsafety.serde.RestSchemaRegistryClient;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.serde.SchemaRegistryException;
import dk.rm.patientsafety.serde.SubjectNames;
import dk.rm.patientsafety.topics.Topic;
import dk.rm.patientsafety.topics.TopicProvisioner;
import dk.rm.patientsafety.topics.Topics;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our own Java client (schemas/serde) against our registry: start-up provisioning of every platform topic,
 * and IncidentReported records through a real topic in the Confluent wire format.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavaClientRoundTripTest {

    private static final Topic<String, IncidentReported> TOPIC = Topics.INCIDENTS_REPORTED;
    private static final String SUBJECT = SubjectNames.forTopic(TOPIC.name(), false);

    private EmbeddedKafkaBroker broker;
    private SchemaRegistryServer server;
    private SchemaRegistryClient client;

    @BeforeAll
    void start() {
        broker = EmbeddedKafkaBroker.startEphemeral();
        server = SignedIn.registry(broker);
        client = new CachingSchemaRegistryClient(new RestSchemaRegistryClient(server.url(), SignedIn.services()));
        try (Admin admin = Admin.create(broker.adminConfig())) {
            // What every service does at start-up: create topics, set the subjects' level, register the schemas.
            new TopicProvisioner(admin, client, (short) 1, CompatibilityLevel.BACKWARD_TRANSITIVE).provision(Topics.ALL);
        }
    }

    @AfterAll
    void stop() {
        server.close();
        broker.close();
    }

    @Test
    void provisioningRegistersEveryPlatformSchemaIdempotently() {
        RegistryHttp http = new RegistryHttp(server.url());
        for (Topic<?, ?> topic : Topics.ALL) {
            String subject = SubjectNames.forTopic(topic.name(), false);
            Schema schema = topic.valueSchema().orElseThrow();
            int id = client.lookUpId(subject, schema);
            assertEquals(schema, new RestSchemaRegistryClient(server.url(), SignedIn.services()).schemaById(id));
            assertEquals("{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}", http.get("/config/" + subject).json().toString());
        }
        String subjectsBefore = http.get("/subjects").json().toString();
        String versionsBefore = http.get("/subjects/" + SUBJECT + "/versions").json().toString();
        try (Admin admin = Admin.create(broker.adminConfig())) {
            // A fresh client: the caching one would not even ask the registry.
            new TopicProvisioner(admin, new RestSchemaRegistryClient(server.url(), SignedIn.services()), (short) 1, CompatibilityLevel.BACKWARD_TRANSITIVE)
                    .provision(Topics.ALL);
        }
        assertEquals(subjectsBefore, http.get("/subjects").json().toString());
        assertEquals(versionsBefore, http.get("/subjects/" + SUBJECT + "/versions").json().toString());
    }

    @Test
    void incidentReportsRoundTripThroughAKafkaTopic() {
        IncidentReported sent = Incidents.sample("java-round-trip");
        Serde<IncidentReported> serde = TOPIC.valueSerde(client);
        try (KafkaProducer<String, IncidentReported> producer = new KafkaProducer<>(producerConfig(), TOPIC.keySerde().serializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(TOPIC.name(), sent.getReportId(), sent)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // A fresh client, so the consumer fetches the writer's schema by id from the registry, not from a cache.
        AvroDeserializer<IncidentReported> deserializer = new AvroDeserializer<>(new RestSchemaRegistryClient(server.url(), SignedIn.services()), IncidentReported.class);
        ConsumerRecord<String, byte[]> received = readOne("java-round-trip");
        assertEquals(client.lookUpId(SUBJECT, IncidentReported.getClassSchema()), ConfluentWireFormat.readSchemaId(ByteBuffer.wrap(received.value())));
        assertEquals(sent, deserializer.deserialize(TOPIC.name(), received.value()));
    }

    @Test
    void consumersReadRecordsWrittenWithAnEvolvedSchema() throws IOException {
        Schema evolved = withExtraField(IncidentReported.getClassSchema());
        RestSchemaRegistryClient rest = new RestSchemaRegistryClient(server.url(), SignedIn.services());
        assertTrue(rest.isCompatibleWithLatest(SUBJECT, evolved));
        int evolvedId = rest.register(SUBJECT, evolved);

        GenericRecord record = new GenericData.Record(evolved);
        IncidentReported sample = Incidents.sample("evolved-writer");
        for (Schema.Field field : IncidentReported.getClassSchema().getFields()) {
            record.put(field.name(), sample.get(field.pos()));
        }
        record.put("ward", "B4");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC.name(), "evolved-writer", ConfluentWireFormat.frame(evolvedId, encode(evolved, record)))).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        IncidentReported read = new AvroDeserializer<>(rest, IncidentReported.class).deserialize(TOPIC.name(), readOne("evolved-writer").value());
        assertEquals(sample, read);
        assertEquals("[1,2]", new RegistryHttp(server.url()).get("/subjects/" + SUBJECT + "/versions").json().toString());
    }

    @Test
    void registryErrorsReachTheClientWithConfluentsCodes() {
        RestSchemaRegistryClient rest = new RestSchemaRegistryClient(server.url(), SignedIn.services());
        Schema schema = IncidentReported.getClassSchema();
        assertEquals(40401, assertThrows(SchemaRegistryException.class, () -> rest.lookUpId("no-such-value", schema)).errorCode());
        assertEquals(40403, assertThrows(SchemaRegistryException.class, () -> rest.schemaById(999_999)).errorCode());
        assertTrue(rest.isCompatibleWithLatest("no-such-value", schema)); // the client reads 40401 as "nothing to break"
        Schema incompatible = SchemaBuilder.record("IncidentReported").namespace("dk.rm.patientsafety.events")
                .fields().requiredInt("reportId").endRecord();
        assertTrue(!rest.isCompatibleWithLatest(SUBJECT, incompatible));
        SchemaRegistryException refused = assertThrows(SchemaRegistryException.class, () -> rest.register(SUBJECT, incompatible));
        assertEquals(409, refused.httpStatus());
        assertEquals(409, refused.errorCode());
    }

    private ConsumerRecord<String, byte[]> readOne(String key) {
        Map<String, Object> config = broker.adminConfig();
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(TOPIC.name()).forEach(p -> partitions.add(new TopicPartition(TOPIC.name(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No record with key " + key + " on " + TOPIC);
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = broker.adminConfig();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /** IncidentReported plus an optional field, as a producer one release ahead would write it. */
    private static Schema withExtraField(Schema schema) {
        List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(field -> fields.add(new Schema.Field(field, field.schema())));
        fields.add(new Schema.Field("ward", Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "Ward within the incident location.", Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static byte[] encode(Schema schema, GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        // The specific model knows the logical-type conversions (Instant, LocalDate, ...) the values use.
        new SpecificDatumWriter<GenericRecord>(schema, SpecificData.getForClass(IncidentReported.class)).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
