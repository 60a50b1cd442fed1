package dk.rm.patientsafety.delivery;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

/**
 * A system that receives events by webhook: where ({@code url}, https unless on this machine), the secret its requests
 * are signed with (at least 32 characters), and the units whose events it receives (an event of a unit below one of
 * them is theirs; the region's code covers every unit).
 */
public record WebhookSubscriber(String name, URI url, String secret, List<String> units) {

    private static final int MIN_SECRET = 32;

    public WebhookSubscriber {
        if (name == null || !name.matches("[a-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("delivery.webhooks: a subscriber's name is lower-case letters, digits and '-'");
        }
        if (url == null || url.getHost() == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()) && loopback(url))) {
            throw new IllegalArgumentException("delivery.webhooks." + name + ".url must be an https URL (http only to this machine)");
        }
        if (secret == null || secret.length() < MIN_SECRET) {
            throw new IllegalArgumentException("delivery.webhooks." + name + ".secret must be at least " + MIN_SECRET + " characters");
        }
        if (units == null || units.isEmpty()) {
            throw new IllegalArgumentException("delivery.webhooks." + name + ".units must name the units whose events it receives");
        }
        units = List.copyOf(units);
    }

    /** Whether an event about a unit with this lineage (the unit and those above it) is for this subscriber. */
    public boolean covers(List<String> lineage) {
        return lineage.stream().anyMatch(units::contains);
    }

    private static boolean loopback(URI url) {
        try {
            return InetAddress.getByName(url.getHost()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "WebhookSubscriber[" + name + " " + url + " " + units + "]"; // never the secret
    }
}
