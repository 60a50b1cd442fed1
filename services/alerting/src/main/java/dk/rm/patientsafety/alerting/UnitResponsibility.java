package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import dk.rm.patientsafety.service.organisation.OrganisationUnit;

/**
 * Who handles an alert about a unit rather than about one report: the hospital above it (or a team it belongs to),
 * and for the region's own figures the regional team.
 */
final class UnitResponsibility {

    private UnitResponsibility() {
    }

    static String of(OrganisationRegister register, String unit) {
        for (String candidate : register.lineage(unit)) {
            OrganisationUnit.Kind kind = register.find(candidate).map(OrganisationUnit::kind).orElse(null);
            if (kind == OrganisationUnit.Kind.HOSPITAL || kind == OrganisationUnit.Kind.TEAM) {
                return candidate;
            }
        }
        return regionalTeam(register).orElse(unit);
    }

    /** The regional team: handles general practice, pharmacies and municipalities, and is told of cross-sector incidents. */
    static java.util.Optional<String> regionalTeam(OrganisationRegister register) {
        return register.units().stream().filter(u -> u.kind() == OrganisationUnit.Kind.TEAM).map(OrganisationUnit::sorCode)
                .sorted().findFirst();
    }
}
