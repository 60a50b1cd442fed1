package dk.rm.patientsafety.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A report as a reporting system or form posts it. Every field is read as text and checked by
 * {@link ReportValidator}, so a bad value gets an error naming the field instead of a generic parse failure.
 */
@Serdeable
public record IncidentReportRequest(
        @Nullable String source,
        @Nullable String sourceId,
        @Nullable String headline,
        @Nullable String description,
        @Nullable String eventDate,
        @Nullable String eventTime,
        @Nullable String incidentLocation,
        @Nullable List<Location> involvedLocations,
        @Nullable String actualConsequence,
        @Nullable String possibleConsequence,
        @Nullable String mainGroup,
        @Nullable List<MedicineEntry> medicines,
        @Nullable List<DeviceEntry> devices,
        @Nullable String reporterType) {

    /** An involved unit and its role. */
    @Serdeable
    public record Location(@Nullable String sorCode, @Nullable String role) {
    }

    /** An involved medicine. */
    @Serdeable
    public record MedicineEntry(@Nullable String tradeName, @Nullable String substance, @Nullable String route,
                                @Nullable String strength, @Nullable String atcCode) {
    }

    /** An involved medical device. */
    @Serdeable
    public record DeviceEntry(@Nullable String type, @Nullable String tradeName, @Nullable String model) {
    }
}
