package dk.rm.patientsafety.quality;

import dk.rm.patientsafety.topics.Topic;
import org.apache.avro.specific.SpecificRecord;

/**
 * A row turned into the record its topic takes. The key names the series and period, so a corrected row sent again
 * replaces the first one on the compacted topic instead of adding a second.
 */
public record QualityRecord(Topic<String, ? extends SpecificRecord> topic, String key, SpecificRecord value) {
}
