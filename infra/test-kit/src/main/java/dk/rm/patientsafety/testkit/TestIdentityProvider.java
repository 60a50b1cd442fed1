package dk.rm.patientsafety.testkit;

import dk.rm.patientsafety.identity.DevelopmentIdentityProvider;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One real OIDC server per test JVM (the embedded default's), with its demo accounts; tokens are fetched over HTTP. */
public final class TestIdentityProvider {

    private static DevelopmentIdentityProvider shared;
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private TestIdentityProvider() {
    }

    public static synchronized DevelopmentIdentityProvider shared() {
        if (shared == null) {
            shared = DevelopmentIdentityProvider.start(0, Optional.empty());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static String issuer() {
        return shared().issuer();
    }

    /** The demo account's access token (valid for an hour, so one per account and test JVM). */
    public static String token(String account) {
        return TOKENS.computeIfAbsent(account, name -> shared().token(name));
    }

    /** {@code Authorization} header value for the account. */
    public static String bearer(String account) {
        return "Bearer " + token(account);
    }
}
