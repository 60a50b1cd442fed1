package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.Explanation;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.InvolvedLocation;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.service.organisation.OrganisationUnit;
import dk.rm.patientsafety.service.organisation.OrganisationUnit.Sector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** An incident is cross-sector when its units span two or more sectors (hospital, municipality, general practice, pharmacy, prehospital). */
public final class CrossSectorRule {

    /** The sectors found, the flag, and why. */
    public record Decision(boolean crossSector, List<String> sectors, Explanation explanation) {
    }

    private final OrganisationRegister register;

    public CrossSectorRule(OrganisationRegister register) {
        this.register = register;
    }

    public Decision decide(IncidentReported report) {
        TreeSet<String> sectors = new TreeSet<>();
        List<String> evidence = new ArrayList<>();
        sectorOf(report.getIncidentLocation()).ifPresent(sector -> {
            sectors.add(sector.name());
            evidence.add(report.getIncidentLocation() + "=" + sector);
        });
        for (InvolvedLocation location : report.getInvolvedLocations()) {
            sectorOf(location.getSorCode()).ifPresent(sector -> {
                sectors.add(sector.name());
                evidence.add(location.getSorCode() + "(" + location.getRole() + ")=" + sector);
            });
        }
        boolean crossSector = sectors.size() >= 2;
        return new Decision(crossSector, List.copyOf(sectors), Explanation.newBuilder()
                .setAspect("crossSector")
                .setRule("CrossSectorRule: sectors " + sectors + " -> " + (crossSector ? "cross-sector" : "one sector"))
                .setEvidence(evidence).setConfidence(null).build());
    }

    /** The region itself is no sector of care: its teams appear as recipients, not as places where care happened. */
    private Optional<Sector> sectorOf(String sorCode) {
        return register.find(sorCode).map(OrganisationUnit::sector).filter(sector -> sector != Sector.REGION);
    }
}
