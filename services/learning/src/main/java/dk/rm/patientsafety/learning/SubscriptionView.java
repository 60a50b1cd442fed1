package dk.rm.patientsafety.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A subscription as its owner sees it. An empty {@code incidentTypes} is every type. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SubscriptionView(String subscriptionId, @Nullable String name, Audience audience, List<String> units,
                               List<String> incidentTypes, @Nullable String minimumSeverity, boolean crossSectorOnly, Cadence cadence,
                               FeedChannel channel, @Nullable String target, boolean paused, Instant createdAt, Instant updatedAt,
                               int revision) {
}
