package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.LearningIncident;
import dk.rm.patientsafety.events.LearningSubscription;
import dk.rm.patientsafety.events.StatisticalSignal;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;

import java.util.List;
import java.util.Optional;

/**
 * What a subscription covers: an incident whose location or one of whose involved units lies within one of its units,
 * of its types and severities (and cross-sector, if it asks so); a signal on a series of a unit within its units, of
 * its types. A partner's units are its own, so a partner is only ever given incidents that involve the partner itself.
 */
final class SubscriptionScope {

    private SubscriptionScope() {
    }

    static boolean covers(LearningSubscription subscription, LearningIncident incident) {
        return (!subscription.getCrossSectorOnly() || incident.getCrossSector())
                && (subscription.getIncidentTypes().isEmpty() || subscription.getIncidentTypes().contains(incident.getIncidentType()))
                && (subscription.getMinimumSeverity() == null
                    || incident.getOverallSeverity().ordinal() >= subscription.getMinimumSeverity().ordinal())
                && incident.getInvolvedUnits().stream().anyMatch(subscription.getUnits()::contains);
    }

    /**
     * No series counts cross-sector incidents alone, so a cross-sector subscription gets no signals; a series of all
     * types (or an indicator) only where the subscription takes every type.
     */
    static boolean covers(LearningSubscription subscription, StatisticalSignal signal, OrganisationRegister register) {
        if (subscription.getCrossSectorOnly() || register.lineage(signal.getUnitSorCode()).stream().noneMatch(subscription.getUnits()::contains)) {
            return false;
        }
        Optional<IncidentType> type = seriesType(signal.getSeriesId());
        return subscription.getIncidentTypes().isEmpty() || type.filter(subscription.getIncidentTypes()::contains).isPresent();
    }

    /** The incident type a series counts: {@code incidents:MONTH:<unit>:MEDICATION}, {@code between:<unit>:MEDICATION}. */
    static Optional<IncidentType> seriesType(String seriesId) {
        List<String> parts = List.of(seriesId.split(":", -1));
        String type = parts.get(0).equals("incidents") && parts.size() == 4 ? parts.get(3)
                : parts.get(0).equals("between") && parts.size() == 3 ? parts.get(2) : null;
        try {
            return type == null ? Optional.empty() : Optional.of(IncidentType.valueOf(type));
        } catch (IllegalArgumentException notAType) {
            // ALL, SERIOUS: every type.
            return Optional.empty();
        }
    }
}
