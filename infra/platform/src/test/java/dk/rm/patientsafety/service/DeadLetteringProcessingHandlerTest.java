package dk.rm.patientsafety.service;

import dk.rm.patientsafety.events.DeadLetter;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.testkit.Reports;
import dk.rm.patientsafety.testkit.TopologyTestKit;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A record a processor throws on becomes a dead letter with its bytes and position, and the stream goes on. */
class DeadLetteringProcessingHandlerTest {

    private final TopologyTestKit kit = new TopologyTestKit();

    @AfterEach
    void tearDown() {
        kit.close();
    }

    @Test
    void deadLettersTheRecordAProcessorFailsOnAndGoesOn() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.INCIDENTS_REPORTED.name(), Consumed.with(Topics.INCIDENTS_REPORTED.keySerde(),
                        Topics.INCIDENTS_REPORTED.valueSerde(kit.registry())))
                .mapValues(report -> {
                    if (report.getHeadline().contains("poison")) {
                        throw new IllegalStateException("the message may quote the record: " + report.getHeadline());
                    }
                    return report.getReportId();
                })
                .to("handler-test-out", Produced.with(Serdes.String(), Serdes.String()));
        kit.start(builder.build(), "handler-test");
        TestInputTopic<String, IncidentReported> in = kit.input(Topics.INCIDENTS_REPORTED);
        TestOutputTopic<String, DeadLetter> dead = kit.output(Topics.DEAD_LETTERS);
        TestOutputTopic<String, String> out = kit.driver().createOutputTopic("handler-test-out",
                Serdes.String().deserializer(), Serdes.String().deserializer());

        IncidentReported poison = Reports.serious();
        poison.setHeadline("poison 0101901234");
        in.pipeInput("k-poison", poison);
        IncidentReported ok = Reports.minor();
        in.pipeInput(ok.getReportId(), ok);

        DeadLetter letter = dead.readValue();
        assertEquals("PROCESSING_FAILED", letter.getReasonCode());
        assertEquals("handler-test", letter.getService());
        assertEquals(Topics.INCIDENTS_REPORTED.name(), letter.getSourceTopic());
        assertEquals(0L, letter.getSourceOffset());
        assertArrayEquals("k-poison".getBytes(StandardCharsets.UTF_8), letter.getOriginalKey().array());
        assertTrue(letter.getReason().endsWith("failed: IllegalStateException"), letter.getReason());
        assertTrue(!letter.getReason().contains("0101901234"), "the reason never quotes the record");
        assertEquals(ok.getReportId(), out.readKeyValue().key, "the stream goes on with the next record");
        assertTrue(out.isEmpty());
    }
}
