package dk.rm.patientsafety.security;

import java.util.List;

/**
 * The platform's roles, as they appear in a token's {@code roles} claim (or Keycloak's {@code realm_access.roles}).
 * A token may carry several; each route names the roles it admits, and {@link UnitScope} narrows risk managers to
 * their units.
 */
public final class Roles {

    /** Submits reports (single and batch); a person or a source system. */
    public static final String REPORTER = "reporter";
    /** A caseworker of the units in the token's {@code units} claim: reads and acts on those units only. */
    public static final String RISK_MANAGER = "risk-manager";
    /** The regional patient-safety team: everything, every unit. */
    public static final String REGIONAL_TEAM = "regional-team";
    /** A municipality or general practice (its SOR code in {@code units}): suppressed aggregates that concern it only. */
    public static final String PARTNER = "partner";
    /** A downstream system (client-credentials token): read-only aggregated data. */
    public static final String DOWNSTREAM = "downstream";
    /** Writes to the schema registry (subjects, compatibility settings). */
    public static final String REGISTRY_ADMIN = "registry-admin";
    /** A platform service: registers its own schemas and changelog subjects in the registry. */
    public static final String SERVICE = "service";
    /** Submits quality data (indicator results, cancer-pathway times, patient-experience results, activity); a person or a system. */
    public static final String QUALITY_DATA = "quality-data";

    public static final List<String> ALL = List.of(REPORTER, RISK_MANAGER, REGIONAL_TEAM, PARTNER, DOWNSTREAM, REGISTRY_ADMIN, SERVICE,
            QUALITY_DATA);

    private Roles() {
    }
}
