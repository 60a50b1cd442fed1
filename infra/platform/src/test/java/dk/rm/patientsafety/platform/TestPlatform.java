package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.bulkimport.BulkImporter;
import dk.rm.patientsafety.identity.DemoAccount;
import dk.rm.patientsafety.oauth.ClientCredentials;
import dk.rm.patientsafety.testkit.TestIdentityProvider;
import dk.rm.patientsafety.testkit.TestKafka;
import dk.rm.patientsafety.testkit.TestMail;
import dk.rm.patientsafety.testkit.TestWebhookReceiver;
import dk.rm.patientsafety.testkit.TestPostgres;
import dk.rm.patientsafety.testkit.TestSchemaRegistry;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** The platform's services on the test kit's real broker, registry and PostgreSQL, on free ports. */
final class TestPlatform {

    private TestPlatform() {
    }

    static PlatformServices start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /**
     * Alerting and learning mail through the test JVM's real SMTP server and post webhooks to its real receiver;
     * {@code alerting} adds settings of alerting's own.
     */
    static PlatformServices start(Path dataDir, Map<String, Object> alerting) {
        TestPostgres.Database db = TestPostgres.shared();
        Map<String, Object> mail = new java.util.HashMap<>(Map.of("delivery.mail.enabled", "true", "delivery.mail.host", "127.0.0.1",
                "delivery.mail.port", TestMail.port(), "delivery.mail.from", "alarmer@patientsikkerhed.example",
                // a downstream system of the whole region, and tries close together so a test sees them all
                "delivery.webhooks.test-receiver.url", TestWebhookReceiver.shared().url().toString(),
                "delivery.webhooks.test-receiver.secret", TestWebhookReceiver.SECRET,
                "delivery.webhooks.test-receiver.units", "1309000000000",
                "delivery.retry.first", "200ms", "delivery.retry.max", "1s", "delivery.retry.tries", "4"));
        Map<String, Object> alertingSettings = new java.util.HashMap<>(mail);
        alertingSettings.putAll(alerting);
        Map<String, Object> learning = new java.util.HashMap<>(mail);
        // a partner's own endpoint: it receives Aarhus Kommune's feeds only
        learning.putAll(Map.of("delivery.webhooks.aarhus-kommune.url", TestWebhookReceiver.shared().url().toString(),
                "delivery.webhooks.aarhus-kommune.secret", TestWebhookReceiver.SECRET, "delivery.webhooks.aarhus-kommune.units", "7510000000000",
                // a period's summary as soon as it has closed, and rounds close together, so a test sees them at once
                "learning.summary.delay", "0s", "learning.summary.partner-delay", "0s", "learning.summary.interval", "1s",
                // a test's reports are of a month no other test reports in, years ago: they are mailed all the same
                "learning.mail.max-age", "100000d"));
        return PlatformServices.start(new Infrastructure(TestKafka.accounts(), TestSchemaRegistry.url(),
                db.jdbcUrl(), db.username(), db.password(), TestIdentityProvider.issuer(),
                TestIdentityProvider.shared().tokenEndpoint(), TestIdentityProvider.shared().secret(DemoAccount.PLATFORM_SERVICES)),
                PlatformServices.Ports.anyFree(), dataDir, Map.of(dk.rm.patientsafety.alerting.AlertingApplication.ENVIRONMENT, alertingSettings,
                        dk.rm.patientsafety.learning.LearningApplication.ENVIRONMENT, learning));
    }

    /** The bulk importer as a region runs it against these services: the bulk-import client's credentials, no terminal. */
    static BulkImporter.Builder bulkImporter(PlatformServices services, PrintStream out) {
        return BulkImporter.builder().intake(URI.create(services.service("intake").url()))
                .tokens(new ClientCredentials(URI.create(TestIdentityProvider.shared().tokenEndpoint()), "bulk-import",
                        TestIdentityProvider.shared().secret("bulk-import")))
                .output(out).progress(out, false);
    }
}
