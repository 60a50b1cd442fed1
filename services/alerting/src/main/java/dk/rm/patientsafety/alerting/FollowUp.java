package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.FollowUpAction;
import dk.rm.patientsafety.events.FollowUpStatus;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The follow-up of an alert: OPEN → ACKNOWLEDGED → ACTION_UNDERWAY → RESOLVED (with a note), a resolved one reopened,
 * and WITHDRAWN by the system when the cause went away (a reclassification, a cleared signal) until it comes back.
 */
final class FollowUp {

    /** What a person may do, from which states. */
    private static final Map<FollowUpAction, Set<FollowUpStatus>> ALLOWED_FROM = Map.of(
            FollowUpAction.ACKNOWLEDGED, Set.of(FollowUpStatus.OPEN),
            FollowUpAction.ACTION_UNDERWAY, Set.of(FollowUpStatus.OPEN, FollowUpStatus.ACKNOWLEDGED),
            FollowUpAction.RESOLVED, Set.of(FollowUpStatus.OPEN, FollowUpStatus.ACKNOWLEDGED, FollowUpStatus.ACTION_UNDERWAY),
            FollowUpAction.REOPENED, Set.of(FollowUpStatus.RESOLVED));

    private FollowUp() {
    }

    /** The person's step from {@code from}, or empty if the step is not allowed there. */
    static Optional<FollowUpStatus> step(FollowUpStatus from, FollowUpAction action) {
        if (!ALLOWED_FROM.getOrDefault(action, Set.of()).contains(from)) {
            return Optional.empty();
        }
        return Optional.of(switch (action) {
            case ACKNOWLEDGED -> FollowUpStatus.ACKNOWLEDGED;
            case ACTION_UNDERWAY -> FollowUpStatus.ACTION_UNDERWAY;
            case RESOLVED -> FollowUpStatus.RESOLVED;
            case REOPENED, WITHDRAWN, RAISED_AGAIN, RAISED, ESCALATED -> FollowUpStatus.OPEN;
        });
    }

    /** The path segment of each step people take: {@code acknowledge}, {@code action-underway}, {@code resolve}, {@code reopen}. */
    static Optional<FollowUpAction> ofPath(String path) {
        return switch (path) {
            case "acknowledge" -> Optional.of(FollowUpAction.ACKNOWLEDGED);
            case "action-underway" -> Optional.of(FollowUpAction.ACTION_UNDERWAY);
            case "resolve" -> Optional.of(FollowUpAction.RESOLVED);
            case "reopen" -> Optional.of(FollowUpAction.REOPENED);
            default -> Optional.empty();
        };
    }
}
