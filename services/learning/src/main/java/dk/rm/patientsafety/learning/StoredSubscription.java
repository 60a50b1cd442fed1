package dk.rm.patientsafety.learning;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A subscription as kept in PostgreSQL; lists as {@code |a|b|c|} (SOR codes and type names hold no {@code |}). */
@MappedEntity("subscription")
public record StoredSubscription(
        @Id String subscriptionId,
        String owner,
        String audience,
        @Nullable String name,
        String units,
        String incidentTypes,
        @Nullable String minimumSeverity,
        boolean crossSectorOnly,
        String cadence,
        String channel,
        @Nullable String target,
        boolean paused,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt,
        int revision) {

    static String listColumn(List<String> items) {
        return items.isEmpty() ? "" : "|" + String.join("|", items) + "|";
    }

    static List<String> list(String column) {
        return column.isEmpty() ? List.of() : Arrays.asList(column.substring(1, column.length() - 1).split("\\|"));
    }

    SubscriptionView view() {
        return new SubscriptionView(subscriptionId, name, Audience.valueOf(audience), list(units), list(incidentTypes), minimumSeverity,
                crossSectorOnly, Cadence.valueOf(cadence), FeedChannel.valueOf(channel), target, paused, createdAt, updatedAt, revision);
    }
}
