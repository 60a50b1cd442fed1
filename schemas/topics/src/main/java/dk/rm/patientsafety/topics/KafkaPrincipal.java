package dk.rm.patientsafety.topics;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One account on Kafka and all it may do there; Kafka denies everything else (no ACL, no access).
 *
 * @param name                 the SCRAM user name; Kafka sees it as {@code User:<name>}
 * @param purpose              who uses the account, for the README's table
 * @param reads                topics it consumes
 * @param writes               topics it produces to
 * @param streamsApplications  Kafka Streams application ids: their internal topics, group and transactional ids
 * @param groups               prefixes of the consumer groups it may join
 * @param transactionalIds     prefixes of the transactional ids it may use
 * @param provisions           whether it creates the topics it uses, as the platform's services do at start-up
 * @param operator             whether it writes transaction markers (aborting a hanging transaction) on any partition
 */
public record KafkaPrincipal(String name, String purpose, List<Topic<?, ?>> reads, List<Topic<?, ?>> writes,
                             List<String> streamsApplications, List<String> groups, List<String> transactionalIds,
                             boolean provisions, boolean operator) {

    public KafkaPrincipal {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
        streamsApplications = List.copyOf(streamsApplications);
        groups = List.copyOf(groups);
        transactionalIds = List.copyOf(transactionalIds);
    }

    public String kafkaPrincipal() {
        return "User:" + name;
    }

    /** Every topic it reads or writes, in the registry's order. */
    public List<Topic<?, ?>> topics() {
        Set<Topic<?, ?>> touched = new LinkedHashSet<>(reads);
        touched.addAll(writes);
        return List.copyOf(touched);
    }

    /** The ACLs that grant exactly this, all host-independent allows. */
    public Set<AclBinding> aclBindings() {
        List<AclBinding> bindings = new ArrayList<>();
        reads.forEach(topic -> bindings.add(allow(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.READ)));
        writes.forEach(topic -> bindings.add(allow(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.WRITE)));
        if (provisions) {
            // Creating a missing topic, and reading its settings back (Confluent's registry checks that _schemas is compacted).
            topics().forEach(topic -> bindings.add(allow(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.CREATE)));
            topics().forEach(topic -> bindings.add(allow(ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.DESCRIBE_CONFIGS)));
        }
        for (String application : streamsApplications) {
            // Its changelog and repartition topics are "<application id>-...-changelog"; its transactional ids start
            // with the application id too, and its consumer group is the application id.
            bindings.add(allow(ResourceType.TOPIC, application + "-", PatternType.PREFIXED, AclOperation.ALL));
            bindings.add(allow(ResourceType.GROUP, application, PatternType.PREFIXED, AclOperation.READ));
            bindings.add(allow(ResourceType.TRANSACTIONAL_ID, application + "-", PatternType.PREFIXED, AclOperation.WRITE));
        }
        groups.forEach(group -> bindings.add(allow(ResourceType.GROUP, group, PatternType.PREFIXED, AclOperation.READ)));
        transactionalIds.forEach(id -> bindings.add(allow(ResourceType.TRANSACTIONAL_ID, id, PatternType.PREFIXED, AclOperation.WRITE)));
        if (operator) {
            // DescribeProducers is authorised as Read on the topic, ListTransactions as Describe on the ids, and
            // WriteTxnMarkers (the abort) as ClusterAction: there is no narrower grant that lets the guard work.
            bindings.add(allow(ResourceType.TOPIC, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL, AclOperation.READ));
            bindings.add(allow(ResourceType.TRANSACTIONAL_ID, ResourcePattern.WILDCARD_RESOURCE, PatternType.LITERAL, AclOperation.DESCRIBE));
            bindings.add(allow(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL, AclOperation.CLUSTER_ACTION));
        }
        return new LinkedHashSet<>(bindings);
    }

    private AclBinding allow(ResourceType type, String name, PatternType pattern, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry(kafkaPrincipal(), "*", operation, AclPermissionType.ALLOW));
    }
}
