package dk.rm.patientsafety.delivery;

/** The SMTP server mail goes through and the sender it names; a user name means SMTP AUTH, which needs STARTTLS. */
public record MailSettings(String host, int port, String from, String username, String password, boolean startTls) {

    public MailSettings {
        if (host == null || host.isBlank() || port <= 0 || from == null || !from.contains("@")) {
            throw new IllegalArgumentException("delivery.mail needs a host, a port and a from address");
        }
        if (username != null && !username.isBlank() && !startTls) {
            throw new IllegalArgumentException("delivery.mail: a password is never sent without STARTTLS (set start-tls: true)");
        }
    }

    @Override
    public String toString() {
        return "MailSettings[" + host + ":" + port + " from " + from + (startTls ? " STARTTLS" : "") + "]"; // never the password
    }
}
