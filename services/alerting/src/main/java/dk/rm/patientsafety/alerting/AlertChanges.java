package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.Alert;

/** An alert is published only when it changed: a redelivery, a replay or a repeated cause says nothing new. */
final class AlertChanges {

    private AlertChanges() {
    }

    /** Whether {@code next} says what {@code standing} (null: none yet) already says, its change time aside. */
    static boolean unchanged(Alert next, Alert standing) {
        return standing != null && Alert.newBuilder(next).setUpdatedAt(standing.getUpdatedAt()).build().equals(standing);
    }
}
