package dk.rm.patientsafety.security;

import io.micronaut.context.annotation.Requires;
import com.nimbusds.jose.jwk.KeyType;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The identity provider's signing keys, at the address its discovery document gives; Micronaut checks every token's signature against them. */
@Requires(property = "micronaut.security.enabled", notEquals = "false")
@Singleton
@Named(DiscoveredJwks.NAME)
public class DiscoveredJwks implements JwksSignatureConfiguration {

    static final String NAME = "identity-provider";

    private final OidcDiscovery discovery;

    public DiscoveredJwks(OidcDiscovery discovery) {
        this.discovery = discovery;
    }

    @Override
    public String getUrl() {
        return discovery.jwksUri();
    }

    @Override
    public KeyType getKeyType() {
        return KeyType.RSA;
    }

    /** Seconds a fetched key set is kept before it is fetched again, so a rotated key is picked up. */
    @Override
    public Integer getCacheExpiration() {
        return 300;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
