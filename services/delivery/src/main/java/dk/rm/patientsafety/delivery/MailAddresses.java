package dk.rm.patientsafety.delivery;

import java.util.regex.Pattern;

/** What the platform accepts as a mail recipient: one address, no display name, nothing a mail header could be split on. */
public final class MailAddresses {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private MailAddresses() {
    }

    public static boolean isPlain(String address) {
        return address != null && address.length() <= 254 && PLAIN.matcher(address).matches();
    }
}
