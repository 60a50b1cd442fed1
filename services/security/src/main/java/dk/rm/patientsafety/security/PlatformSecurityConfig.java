package dk.rm.patientsafety.security;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Which identity provider the platform trusts ({@code platform.security.*}, e.g. {@code PLATFORM_SECURITY_ISSUER}).
 * The signing keys are found through the issuer's OIDC discovery document, so the issuer is all a region configures.
 */
@ConfigurationProperties("platform.security")
public class PlatformSecurityConfig {

    private String issuer;
    private String discoveryUrl;
    private String audience = "patient-safety-platform";
    private String rolesClaim = "roles";
    private String unitsClaim = "units";
    private Duration discoveryTimeout = Duration.ofSeconds(5);

    /** The issuer ({@code iss}) every token must carry, exactly; its discovery document is {@code <issuer>/.well-known/openid-configuration}. */
    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer;
    }

    /**
     * Where to read the discovery document when the issuer's own URL is not reachable from the service (in containers,
     * the identity provider's internal address); the document must still name {@link #getIssuer()}. Empty: the issuer's.
     */
    public String getDiscoveryUrl() {
        return discoveryUrl;
    }

    public void setDiscoveryUrl(String discoveryUrl) {
        this.discoveryUrl = discoveryUrl;
    }

    /** A value the token's {@code aud} must contain. */
    public String getAudience() {
        return audience;
    }

    public void setAudience(String audience) {
        this.audience = audience;
    }

    public String getRolesClaim() {
        return rolesClaim;
    }

    public void setRolesClaim(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    public String getUnitsClaim() {
        return unitsClaim;
    }

    public void setUnitsClaim(String unitsClaim) {
        this.unitsClaim = unitsClaim;
    }

    public Duration getDiscoveryTimeout() {
        return discoveryTimeout;
    }

    public void setDiscoveryTimeout(Duration discoveryTimeout) {
        this.discoveryTimeout = discoveryTimeout;
    }
}
