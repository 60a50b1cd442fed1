package dk.rm.patientsafety.testkit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** One real SMTP server (GreenMail) per test JVM, on a free port; tests read what it received. */
public final class TestMail {

    private static GreenMail shared;

    private TestMail() {
    }

    public static synchronized GreenMail shared() {
        if (shared == null) {
            shared = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public static int port() {
        return shared().getSmtp().getPort();
    }

    /** A received mail, as a test looks at it. */
    public record Mail(List<String> to, String subject, String text, String messageId) {
    }

    /** Waits until the mails received so far include one that matches, and returns all those that match. */
    public static List<Mail> await(Predicate<Mail> matching, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            List<Mail> found = received().stream().filter(matching).toList();
            if (!found.isEmpty() || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(100);
        }
    }

    public static List<Mail> received() {
        return Arrays.stream(shared().getReceivedMessages()).map(TestMail::mail).toList();
    }

    private static Mail mail(MimeMessage message) {
        try {
            return new Mail(Arrays.stream(message.getAllRecipients()).map(Object::toString).toList(), message.getSubject(),
                    message.getContent().toString(), message.getMessageID());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
