package dk.rm.patientsafety.quality;

import org.apache.avro.specific.SpecificRecord;

/**
 * A row turned into the record its topic takes. The key names the series and period, so a corrected row sent again
 * replaces the first one on the compacted topic instead of adding a second.
 */
public record QualityRecord(Destination destination, String key, SpecificRecord value) {

    /** Which topic the record belongs on; intake maps it to the typed topic, so this module needs no Kafka. */
    public enum Destination { QUALITY_INDICATORS, ACTIVITY }
}
