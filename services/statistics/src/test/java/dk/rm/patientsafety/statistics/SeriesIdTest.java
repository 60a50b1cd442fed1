package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.events.IncidentType;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The read API scopes a series to its unit by {@link SeriesId#unit}: an id it cannot read belongs to no one. */
class SeriesIdTest {

    @Test
    void everyKindOfSeriesNamesItsUnitAndAMalformedIdNone() {
        assertEquals(Optional.of("1309011000000"), SeriesId.unit("incidents:MONTH:1309011000000:ALL"));
        assertEquals(Optional.of("1309011000000"), SeriesId.unit("between:1309011000000:SERIOUS"));
        assertEquals(Optional.of("1309011000000"), SeriesId.unit("between:1309011000000:MEDICATION"));
        assertEquals(Optional.of("1309011000000"), SeriesId.unit("indicator:RKKP-DAHTA:1a:1:1309011000000"));
        assertEquals(Optional.empty(), SeriesId.unit("between::SERIOUS"));
        assertEquals(Optional.empty(), SeriesId.unit("between:1309011000000:NO_SUCH_TYPE"));
        assertEquals(Optional.empty(), SeriesId.unit("between:1309011000000:SERIOUS:extra"));
        assertEquals(Optional.empty(), SeriesId.unit("between:1309011000000"));
    }

    @Test
    void betweenSeriesIdsRoundTrip() {
        SeriesId.BetweenSeries falls = SeriesId.BetweenSeries.ofType("U", IncidentType.PATIENT_ACCIDENT_FALL);
        assertEquals(Optional.of(falls), SeriesId.parseBetween(falls.id()));
        assertEquals(Optional.of(SeriesId.BetweenSeries.serious("U")), SeriesId.parseBetween("between:U:SERIOUS"));
    }
}
