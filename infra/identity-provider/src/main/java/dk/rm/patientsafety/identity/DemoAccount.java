package dk.rm.patientsafety.identity;

import java.util.List;

/**
 * One ready account of the development identity provider: a person signs in with the password grant, a system with
 * client credentials. Its secret is random per data directory; nothing but the secret decides whose token one gets.
 */
public record DemoAccount(String name, Kind kind, List<String> roles, List<String> units, String description) {

    public enum Kind { PERSON, CLIENT }

    public DemoAccount {
        roles = List.copyOf(roles);
        units = List.copyOf(units);
    }

    static DemoAccount person(String name, List<String> roles, List<String> units, String description) {
        return new DemoAccount(name, Kind.PERSON, roles, units, description);
    }

    static DemoAccount client(String name, List<String> roles, String description) {
        return new DemoAccount(name, Kind.CLIENT, roles, List.of(), description);
    }

    /** The client the platform's services sign in to the schema registry with. */
    public static final String PLATFORM_SERVICES = "platform-services";

    /** One account per role, two risk managers of different hospitals (to see scopes), and the platform's own clients. */
    public static List<DemoAccount> defaults() {
        return List.of(
                person("reporter", List.of("reporter"), List.of(), "a nurse who reports incidents"),
                person("rm-auh", List.of("risk-manager"), List.of("1309010000000"),
                        "risk manager of Aarhus Universitetshospital and its departments"),
                person("rm-goedstrup", List.of("risk-manager"), List.of("1309020000000"),
                        "risk manager of Regionshospitalet Gødstrup and its departments"),
                person("regional-team", List.of("regional-team"), List.of(), "the regional patient-safety team: every unit"),
                person("partner-aarhus", List.of("partner"), List.of("7510000000000"), "Aarhus Kommune, a cross-sector partner"),
                person("registry-admin", List.of("registry-admin"), List.of(), "may change the schema registry"),
                client("downstream", List.of("downstream"), "a downstream system: read-only aggregates"),
                client("bulk-import", List.of("reporter", "quality-data"),
                        "the bulk importer: submits historical reports and quality data"),
                client(PLATFORM_SERVICES, List.of("service"), "the platform's own services: register their schemas"));
    }
}
