package dk.rm.patientsafety.alerting;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The mailboxes alerts go to, per unit and role ({@code alerting.recipients}: a JSON file; the built-in one lists
 * illustrative addresses under {@code .example}). A directory naming a unit the register does not know, or an address
 * that is not one, is refused at start-up: an alert must never quietly miss its recipient.
 */
public final class RecipientDirectory {

    static final String DEFAULT_RESOURCE = "/alerting/recipients.json";

    private final List<Recipient> recipients;

    private RecipientDirectory(List<Recipient> recipients) {
        this.recipients = List.copyOf(recipients);
    }

    public static RecipientDirectory of(List<Recipient> recipients, OrganisationRegister register) {
        for (Recipient recipient : recipients) {
            if (recipient.sorCode() == null || !register.contains(recipient.sorCode())) {
                throw new IllegalArgumentException("The recipient directory names a unit the organisation register does not know: "
                        + recipient.sorCode());
            }
            if (recipient.role() == null || !dk.rm.patientsafety.delivery.MailAddresses.isPlain(recipient.email())) {
                throw new IllegalArgumentException("The recipient directory has an entry for " + recipient.sorCode()
                        + " without a role or a plain e-mail address");
            }
        }
        return new RecipientDirectory(recipients);
    }

    public static RecipientDirectory load(Optional<Path> path, OrganisationRegister register) {
        try (InputStream in = path.isPresent() ? Files.newInputStream(path.get()) : RecipientDirectory.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            List<Recipient> recipients = new ObjectMapper().readValue(in, new TypeReference<>() {
            });
            return of(recipients, register);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the recipient directory " + path.map(Path::toString).orElse(DEFAULT_RESOURCE), e);
        }
    }

    /** The unit's mailboxes for the role, in the directory's order. */
    public List<String> addresses(String sorCode, Recipient.Role role) {
        return recipients.stream().filter(r -> r.sorCode().equals(sorCode) && r.role() == role).map(Recipient::email).toList();
    }
}
