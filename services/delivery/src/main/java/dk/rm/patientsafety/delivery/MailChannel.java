package dk.rm.patientsafety.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Sends a plain-text mail over SMTP. An address the server refuses is permanent; a server that is away is tried again. */
public final class MailChannel {

    private final MailSettings settings;
    private final Session session;

    public MailChannel(MailSettings settings) {
        this.settings = settings;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        // The name this client greets the server with; without it JavaMail looks up this host's name, which can take seconds.
        properties.put("mail.smtp.localhost", settings.from().substring(settings.from().indexOf('@') + 1));
        if (settings.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        boolean auth = settings.username() != null && !settings.username().isBlank();
        properties.put("mail.smtp.auth", Boolean.toString(auth));
        this.session = Session.getInstance(properties);
    }

    /** @param messageId a stable id, so a mail sent twice (a crash before it was marked sent) is recognisably the same */
    public void send(String to, String subject, String text, String messageId) throws DeliveryFailure {
        try {
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + messageId + "@" + settings.from().substring(settings.from().indexOf('@') + 1) + ">");
                }
            };
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(text, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            boolean auth = settings.username() != null && !settings.username().isBlank();
            if (auth) {
                Transport.send(message, settings.username(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (SendFailedException e) {
            throw new DeliveryFailure("the mail server refused the recipient", true);
        } catch (MessagingException e) {
            throw new DeliveryFailure("mail not sent: " + e.getClass().getSimpleName(), false);
        }
    }
}
