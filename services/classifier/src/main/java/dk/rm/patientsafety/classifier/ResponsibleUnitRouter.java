package dk.rm.patientsafety.classifier;

import dk.rm.patientsafety.events.Explanation;
import dk.rm.patientsafety.events.IncidentReported;
import dk.rm.patientsafety.events.InvolvedLocation;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.service.organisation.OrganisationUnit;
import dk.rm.patientsafety.service.organisation.OrganisationUnit.Kind;
import dk.rm.patientsafety.service.organisation.OrganisationUnit.Sector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A hospital's incidents go to that hospital's patient-safety officers, prehospital ones to the prehospital
 * service, and those from general practice, pharmacies and municipalities to the regional team; every other
 * involved unit's responsible unit is told as well.
 */
public final class ResponsibleUnitRouter {

    /** The responsible unit, everyone to notify, and why. */
    public record Routing(String responsibleUnit, List<String> recipients, Explanation explanation) {
    }

    private final OrganisationRegister register;

    public ResponsibleUnitRouter(OrganisationRegister register) {
        this.register = register;
    }

    public Routing route(IncidentReported report) {
        String responsible = responsibleFor(report.getIncidentLocation()).orElse(null);
        Set<String> recipients = new LinkedHashSet<>();
        if (responsible != null) {
            recipients.add(responsible);
        }
        for (InvolvedLocation location : report.getInvolvedLocations()) {
            responsibleFor(location.getSorCode()).ifPresent(recipients::add);
        }
        String rule = responsible == null
                ? "ResponsibleUnitRouter: incident location not in the organisation register"
                : "ResponsibleUnitRouter: " + report.getIncidentLocation() + " -> " + responsible;
        List<String> evidence = new ArrayList<>();
        evidence.add("incidentLocation=" + report.getIncidentLocation());
        report.getInvolvedLocations().forEach(l -> evidence.add("involvedLocation=" + l.getSorCode() + ":" + l.getRole()));
        return new Routing(responsible, List.copyOf(recipients), Explanation.newBuilder()
                .setAspect("responsibleUnit").setRule(rule).setEvidence(evidence).setConfidence(null).build());
    }

    /** The unit whose patient-safety officers handle incidents at {@code sorCode}. */
    Optional<String> responsibleFor(String sorCode) {
        Optional<OrganisationUnit> unit = register.find(sorCode);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        Sector sector = unit.get().sector();
        if (sector == Sector.HOSPITAL || sector == Sector.PREHOSPITAL) {
            return ancestor(unit.get(), Set.of(Kind.HOSPITAL, Kind.PREHOSPITAL)).map(OrganisationUnit::sorCode);
        }
        return regionalTeam();
    }

    private Optional<OrganisationUnit> ancestor(OrganisationUnit unit, Set<Kind> kinds) {
        OrganisationUnit current = unit;
        while (current != null) {
            if (kinds.contains(current.kind())) {
                return Optional.of(current);
            }
            current = current.parentSorCode() == null ? null : register.find(current.parentSorCode()).orElse(null);
        }
        return Optional.empty();
    }

    private Optional<String> regionalTeam() {
        return register.units().stream().filter(u -> u.kind() == Kind.TEAM).map(OrganisationUnit::sorCode).findFirst();
    }
}
