package dk.rm.patientsafety.serde;

import dk.rm.patientsafety.events.Consequence;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.ReporterType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AvroSerdeTest {

    private static final String TOPIC = "uth.incidents.reported.v1";

    /** Stands in for the registry so this test covers the serde alone; counts calls to prove the cache works. */
    private static final class FakeRegistry implements SchemaRegistryClient {
        final Map<Integer, Schema> schemas = new HashMap<>();
        final Map<String, Integer> ids = new HashMap<>();
        int calls;

        int add(String subject, Schema schema) {
            int id = schemas.size() + 1;
            schemas.put(id, schema);
            ids.put(subject + "|" + schema, id);
            return id;
        }

        @Override
        public int register(String subject, Schema schema) {
            calls++;
            Integer known = ids.get(subject + "|" + schema);
            return known != null ? known : add(subject, schema);
        }

        @Override
        public int lookUpId(String subject, Schema schema) {
            calls++;
            Integer id = ids.get(subject + "|" + schema);
            if (id == null) {
                throw new SchemaRegistryException(404, 40403, "Schema not found");
            }
            return id;
        }

        @Override
        public Schema schemaById(int id) {
            calls++;
            Schema schema = schemas.get(id);
            if (schema == null) {
                throw new SchemaRegistryException(404, 40403, "Schema not found");
            }
            return schema;
        }

        @Override
        public void setCompatibility(String subject, CompatibilityLevel level) {
        }

        @Override
        public boolean isCompatibleWithLatest(String subject, Schema schema) {
            return true;
        }
    }

    private final FakeRegistry fake = new FakeRegistry();
    private final SchemaRegistryClient registry = new CachingSchemaRegistryClient(fake);

    @Test
    void roundTripsARecordUnderTheTopicsValueSubject() {
        int id = fake.add(TOPIC + "-value", IncidentReported.getClassSchema());
        Serde<IncidentReported> serde = AvroSerde.forValues(IncidentReported.class, registry);
        IncidentReported report = report();

        byte[] bytes = serde.serializer().serialize(TOPIC, report);

        assertEquals(0, bytes[0]);
        assertEquals(id, ByteBuffer.wrap(bytes, 1, 4).getInt());
        assertEquals(report, serde.deserializer().deserialize(TOPIC, bytes));
    }

    @Test
    void looksUpEachSchemaOnceNotOncePerRecord() {
        fake.add(TOPIC + "-value", IncidentReported.getClassSchema());
        Serde<IncidentReported> serde = AvroSerde.forValues(IncidentReported.class, registry);
        for (int i = 0; i < 100; i++) {
            serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, report()));
        }
        assertEquals(1, fake.calls, "one id lookup; the schema by id is known from it");
    }

    @Test
    void failsClearlyWhenTheSchemaWasNeverRegistered() {
        Serde<IncidentReported> serde = AvroSerde.forValues(IncidentReported.class, registry);
        SerializationException e = assertThrows(SerializationException.class, () -> serde.serializer().serialize(TOPIC, report()));
        assertEquals("No schema id for dk.rm.patientsafety.events.IncidentReported under subject " + TOPIC + "-value", e.getMessage());
    }

    @Test
    void registersOnFirstUseWhenAutoRegistering() {
        Serde<IncidentReported> serde = AvroSerde.of(IncidentReported.class, registry, false, true);
        serde.serializer().serialize(TOPIC, report());
        assertEquals(1, fake.ids.size());
    }

    @Test
    void readsRecordsWrittenWithAnOlderSchemaFillingNewFieldsWithTheirDefaults() throws Exception {
        Schema older = withoutField(IncidentReported.getClassSchema(), "patientReference");
        int olderId = fake.add(TOPIC + "-value", older);
        GenericRecord old = new GenericData.Record(older);
        IncidentReported current = report();
        older.getFields().forEach(f -> old.put(f.name(), current.get(f.name())));

        IncidentReported read = AvroSerde.forValues(IncidentReported.class, registry).deserializer()
                .deserialize(TOPIC, ConfluentWireFormat.frame(olderId, encode(older, old)));

        assertEquals(current.getHeadline(), read.getHeadline());
        assertNull(read.getPatientReference());
    }

    @Test
    void refusesAnUnknownWriterSchemaId() {
        byte[] bytes = ConfluentWireFormat.frame(999, new byte[]{2});
        UnknownSchemaIdException e = assertThrows(UnknownSchemaIdException.class,
                () -> AvroSerde.forValues(IncidentReported.class, registry).deserializer().deserialize(TOPIC, bytes));
        assertEquals(999, e.schemaId());
    }

    @Test
    void refusesTrailingBytesAfterAValidBody() {
        registry.register(TOPIC + "-value", IncidentReported.getClassSchema());
        Serde<IncidentReported> serde = AvroSerde.forValues(IncidentReported.class, registry);
        byte[] valid = serde.serializer().serialize(TOPIC, report());
        assertEquals(report(), serde.deserializer().deserialize(TOPIC, valid));
        for (byte[] extra : List.of(new byte[] {0}, new byte[] {'}', '}', '}'})) {
            byte[] bytes = java.util.Arrays.copyOf(valid, valid.length + extra.length);
            System.arraycopy(extra, 0, bytes, valid.length, extra.length);
            assertThrows(TrailingBytesException.class, () -> serde.deserializer().deserialize(TOPIC, bytes));
        }
    }

    @Test
    void passesTombstonesThrough() {
        Serde<IncidentReported> serde = AvroSerde.forValues(IncidentReported.class, registry);
        assertNull(serde.serializer().serialize(TOPIC, null));
        assertNull(serde.deserializer().deserialize(TOPIC, null));
    }

    private static IncidentReported report() {
        return IncidentReported.newBuilder()
                .setReportId("r-1").setSource("test").setSourceId("1")
                .setReceivedAt(Instant.parse("2026-11-20T10:00:00Z"))
                .setHeadline("Fald").setDescription("Patienten faldt ved sengen.")
                .setEventDate(LocalDate.parse("2026-11-19"))
                .setIncidentLocation("1309011000000")
                .setActualConsequence(Consequence.MINOR).setPossibleConsequence(Consequence.SERIOUS)
                .setReporterType(ReporterType.HEALTH_PROFESSIONAL)
                .setPatientReference("psn-1")
                .build();
    }

    private static Schema withoutField(Schema schema, String field) {
        List<Schema.Field> fields = schema.getFields().stream().filter(f -> !f.name().equals(field))
                .map(f -> new Schema.Field(f, f.schema())).toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }

    private static byte[] encode(Schema schema, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema, SpecificData.getForClass(IncidentReported.class)).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
