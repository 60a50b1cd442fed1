package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.service.organisation.OrganisationRegister;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An alert goes to the risk managers of its units up to the responsible unit (and the regional team's if the incident
 * crossed a sector); unacknowledged it escalates to the responsible unit's management, then to the regional team.
 */
public final class AlertRecipients {

    /** The highest escalation level: the regional team (or, for the team's own alerts, the region's management). */
    public static final int TOP_LEVEL = 2;

    private final RecipientDirectory directory;
    private final Optional<String> regionalTeam;
    private final OrganisationRegister register;

    public AlertRecipients(RecipientDirectory directory, OrganisationRegister register) {
        this.directory = directory;
        this.register = register;
        this.regionalTeam = UnitResponsibility.regionalTeam(register);
    }

    /** The alert's situation that decides its recipients. */
    public record Addressee(List<String> lineage, String responsibleUnit, boolean crossSector) {
    }

    /** Who is told when the alert reaches {@code level}: those not told at a lower level. */
    public List<String> newAt(int level, Addressee alert) {
        List<String> reached = new ArrayList<>(upTo(level, alert));
        reached.removeAll(level == 0 ? Set.of() : upTo(level - 1, alert));
        return List.copyOf(reached);
    }

    /** Everyone who has the alert at {@code level}: told again when it is reopened or its cause comes back. */
    public List<String> everyoneAt(int level, Addressee alert) {
        return List.copyOf(upTo(level, alert));
    }

    /** Everyone who has the alert at {@code level}. */
    Set<String> upTo(int level, Addressee alert) {
        Set<String> to = new LinkedHashSet<>();
        String responsible = alert.responsibleUnit() == null ? UnitResponsibility.of(register, alert.lineage().get(0)) : alert.responsibleUnit();
        for (String unit : alert.lineage()) {
            to.addAll(directory.addresses(unit, Recipient.Role.RISK_MANAGER));
            if (unit.equals(responsible)) {
                break;
            }
        }
        to.addAll(directory.addresses(responsible, Recipient.Role.RISK_MANAGER));
        if (alert.crossSector()) {
            regionalTeam.ifPresent(team -> to.addAll(directory.addresses(team, Recipient.Role.RISK_MANAGER)));
        }
        if (level >= 1) {
            to.addAll(directory.addresses(responsible, Recipient.Role.MANAGEMENT));
        }
        if (level >= 2) {
            boolean teamsOwn = regionalTeam.map(responsible::equals).orElse(true);
            if (teamsOwn) {
                List<String> lineage = register.lineage(responsible);
                to.addAll(directory.addresses(lineage.get(lineage.size() - 1), Recipient.Role.MANAGEMENT));
            } else {
                regionalTeam.ifPresent(team -> {
                    to.addAll(directory.addresses(team, Recipient.Role.RISK_MANAGER));
                    to.addAll(directory.addresses(team, Recipient.Role.MANAGEMENT));
                });
            }
        }
        return to;
    }
}
