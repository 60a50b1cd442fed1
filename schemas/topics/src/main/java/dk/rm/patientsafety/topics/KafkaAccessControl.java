package dk.rm.patientsafety.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Makes the cluster's accounts and ACLs what {@link KafkaPrincipals} says: each account's SCRAM-SHA-512 password is
 * set, missing ACLs are added and ACLs of these accounts that the table no longer holds are removed, so a rule taken
 * out of the table is taken off the cluster too. Run with the cluster administrator's login; safe to run at every start.
 */
public final class KafkaAccessControl {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAccessControl.class);
    /** Kafka's minimum for SCRAM-SHA-512, as kafka-configs.sh sets it. */
    private static final int ITERATIONS = 4096;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    public KafkaAccessControl(Admin admin) {
        this.admin = admin;
    }

    /** What an application of the table changed. */
    public record Changes(int accounts, int added, int removed) {
    }

    /**
     * Sets the passwords and ACLs of the given accounts and waits until the broker enforces them.
     *
     * @param passwords each account's password, by account name
     */
    public Changes apply(Collection<KafkaPrincipal> principals, Map<String, String> passwords) {
        try {
            setPasswords(principals, passwords);
            Set<AclBinding> wanted = principals.stream().flatMap(p -> p.aclBindings().stream()).collect(Collectors.toSet());
            Set<AclBinding> present = aclsOf(principals);
            List<AclBinding> missing = wanted.stream().filter(b -> !present.contains(b)).toList();
            List<AclBinding> stale = present.stream().filter(b -> !wanted.contains(b)).toList();
            if (!missing.isEmpty()) {
                admin.createAcls(missing).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale.stream().map(AclBinding::toFilter).toList()).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            awaitEnforced(principals, wanted);
            LOG.info("Kafka access control: {} accounts, {} ACLs added, {} removed", principals.size(), missing.size(), stale.size());
            return new Changes(principals.size(), missing.size(), stale.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting Kafka ACLs", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot set Kafka accounts and ACLs", e);
        }
    }

    private void setPasswords(Collection<KafkaPrincipal> principals, Map<String, String> passwords)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<org.apache.kafka.clients.admin.UserScramCredentialAlteration> upserts = principals.stream()
                .map(p -> {
                    String password = passwords.get(p.name());
                    if (password == null || password.isBlank()) {
                        throw new IllegalArgumentException("No password given for Kafka account " + p.name());
                    }
                    return (org.apache.kafka.clients.admin.UserScramCredentialAlteration) new UserScramCredentialUpsertion(p.name(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password);
                })
                .toList();
        admin.alterUserScramCredentials(upserts).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The ACLs the cluster holds for these accounts. */
    public Set<AclBinding> aclsOf(Collection<KafkaPrincipal> principals)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> names = principals.stream().map(KafkaPrincipal::kafkaPrincipal).collect(Collectors.toSet());
        AclBindingFilter all = new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter(null, null, AclOperation.ANY, AclPermissionType.ANY));
        return admin.describeAcls(all).values().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).stream()
                .filter(b -> names.contains(b.entry().principal()))
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** The broker answers DescribeAcls from the authorizer's own view, so once it shows the table, the table holds. */
    private void awaitEnforced(Collection<KafkaPrincipal> principals, Set<AclBinding> wanted)
            throws ExecutionException, InterruptedException, TimeoutException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!aclsOf(principals).equals(wanted)) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("The broker did not show the ACL table within " + TIMEOUT);
            }
            Thread.sleep(50);
        }
        Set<String> names = principals.stream().map(KafkaPrincipal::name).collect(Collectors.toSet());
        while (!admin.describeUserScramCredentials().all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).keySet().containsAll(names)) {
            if (Instant.now().isAfter(deadline)) {
                throw new TimeoutException("The broker did not show the accounts within " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }
}
