package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.Explanation;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.IncidentType;

/** Decides an incident's type on the ICPS-aligned taxonomy, with the evidence for it. */
public interface IncidentTypeRule {

    /** The type and why. */
    record Decision(IncidentType type, Explanation explanation) {
    }

    Decision decide(IncidentReported report);
}
