package dk.rm.patientsafety.quality;

/** One column of a quality-data format: its name (also the JSON field), whether a row must give it, and what it holds. */
public record Column(String name, boolean required, String description) {

    static Column required(String name, String description) {
        return new Column(name, true, description);
    }

    static Column optional(String name, String description) {
        return new Column(name, false, description);
    }
}
