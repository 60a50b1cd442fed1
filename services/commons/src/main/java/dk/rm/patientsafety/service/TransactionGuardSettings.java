package dk.rm.patientsafety.service;

import dk.rm.patientsafety.topics.KafkaLogin;
import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Whether this service runs the hanging-transaction guard (one per cluster is enough; {@code KAFKA_TRANSACTION_GUARD_ENABLED})
 * and the operator's account it signs in with ({@code KAFKA_TRANSACTION_GUARD_USERNAME}/{@code _PASSWORD}): aborting
 * another producer's transaction takes rights no service account has.
 */
@ConfigurationProperties("kafka.transaction-guard")
public class TransactionGuardSettings {

    private boolean enabled = true;
    private String username;
    private String password;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** The guard's login: its own account where one is set, else the service's. */
    public KafkaLogin login(KafkaSettings kafka) {
        return username == null || username.isBlank() ? kafka.login() : kafka.loginAs(username, password, "kafka.transaction-guard");
    }
}
