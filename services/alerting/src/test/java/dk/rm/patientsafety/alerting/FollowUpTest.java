package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.FollowUpAction;
import dk.rm.patientsafety.events.FollowUpStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FollowUpTest {

    @Test
    void everyStepPeopleTakeFromEveryState() {
        List<String> allowed = new ArrayList<>();
        for (FollowUpStatus from : FollowUpStatus.values()) {
            for (String path : List.of("acknowledge", "action-underway", "resolve", "reopen")) {
                FollowUpAction action = FollowUp.ofPath(path).orElseThrow();
                FollowUp.step(from, action).ifPresent(to -> allowed.add(from + " -" + path + "-> " + to));
            }
        }
        assertEquals(List.of(
                "OPEN -acknowledge-> ACKNOWLEDGED", "OPEN -action-underway-> ACTION_UNDERWAY", "OPEN -resolve-> RESOLVED",
                "ACKNOWLEDGED -action-underway-> ACTION_UNDERWAY", "ACKNOWLEDGED -resolve-> RESOLVED",
                "ACTION_UNDERWAY -resolve-> RESOLVED",
                "RESOLVED -reopen-> OPEN"), allowed, "a withdrawn alert takes no step: its cause went away");
        assertEquals(Optional.empty(), FollowUp.ofPath("approve"));
        assertEquals(Optional.empty(), FollowUp.step(FollowUpStatus.OPEN, FollowUpAction.WITHDRAWN), "only the system withdraws");
    }
}
