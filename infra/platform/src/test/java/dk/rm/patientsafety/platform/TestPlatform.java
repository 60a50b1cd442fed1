package dk.rm.patientsafety.platform;

import dk.rm.patientsafety.bulkimport.BulkImporter;
import dk.rm.patientsafety.identity.DemoAccount;
import dk.rm.patientsafety.oauth.ClientCredentials;
import dk.rm.patientsafety.testkit.TestIdentityProvider;
import dk.rm.patientsafety.testkit.TestKafka;
import dk.rm.patientsafety.testkit.TestPostgres;
import dk.rm.patientsafety.testkit.TestSchemaRegistry;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/** The platform's services on the test kit's real broker, registry and PostgreSQL, on free ports. */
final class TestPlatform {

    private TestPlatform() {
    }

    static PlatformServices start(Path dataDir) {
        TestPostgres.Database db = TestPostgres.shared();
        return PlatformServices.start(new Infrastructure(TestKafka.accounts(), TestSchemaRegistry.url(),
                db.jdbcUrl(), db.username(), db.password(), TestIdentityProvider.issuer(),
                TestIdentityProvider.shared().tokenEndpoint(), TestIdentityProvider.shared().secret(DemoAccount.PLATFORM_SERVICES)), PlatformServices.Ports.anyFree(), dataDir);
    }

    /** The bulk importer as a region runs it against these services: the bulk-import client's credentials, no terminal. */
    static BulkImporter.Builder bulkImporter(PlatformServices services, PrintStream out) {
        return BulkImporter.builder().intake(URI.create(services.service("intake").url()))
                .tokens(new ClientCredentials(URI.create(TestIdentityProvider.shared().tokenEndpoint()), "bulk-import",
                        TestIdentityProvider.shared().secret("bulk-import")))
                .output(out).progress(out, false);
    }
}
