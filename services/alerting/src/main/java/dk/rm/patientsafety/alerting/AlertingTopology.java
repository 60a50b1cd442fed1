package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;
import dk.rm.patientsafety.serde.SchemaRegistryClient;
import dk.rm.patientsafety.service.DeadLetterRouting;
import dk.rm.patientsafety.topics.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Clock;
import java.util.List;

/** The alerting stream: classified incidents in, one alert per serious incident out, keyed by alert id. */
public final class AlertingTopology {

    public static final String APPLICATION_ID = "uth-alerting";

    private AlertingTopology() {
    }

    public static Topology build(SchemaRegistryClient registry, Clock clock) {
        StreamsBuilder builder = new StreamsBuilder();
        DeadLetterRouting.decodeOrDeadLetter(builder, Topics.INCIDENTS_CLASSIFIED, Topics.INCIDENTS_CLASSIFIED.valueSerde(registry),
                        Topics.DEAD_LETTERS.valueSerde(registry), APPLICATION_ID, clock)
                .flatMap((reportId, incident) -> SeriousIncidentRule.evaluate(incident, clock.instant())
                        .map(alert -> List.of(KeyValue.pair(alert.getAlertId(), alert)))
                        .orElse(List.<KeyValue<String, Alert>>of()))
                .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde(registry)));
        return builder.build();
    }
}
