package dk.rm.patientsafety.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dk.rm.patientsafety.serde.RestSchemaRegistryClient;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The request and response bodies of the REST API, named and shaped as in Confluent's registry. */
final class RegistryJson {

    /** The media type of every answer; requests may also use application/json or application/octet-stream. */
    static final String MEDIA_TYPE = RestSchemaRegistryClient.CONTENT_TYPE;

    /** Also answered, as Confluent does, for clients whose Accept header names only this or application/json. */
    static final String MEDIA_TYPE_ANY_VERSION = "application/vnd.schemaregistry+json";

    private RegistryJson() {
    }

    /** A schema to register, look up or test; {@code schema} is the Avro schema's JSON as a string. */
    @Serdeable
    record SchemaRequest(String schema, String schemaType, List<Object> references) {
    }

    @Serdeable
    record IdResponse(int id) {
    }

    @Serdeable
    record SchemaResponse(String schema) {
    }

    @Serdeable
    record SubjectVersionResponse(String subject, int version, int id, String schema) {
    }

    @Serdeable
    record SubjectVersionRef(String subject, int version) {
    }

    @Serdeable
    record CompatibilityResponse(@JsonProperty("is_compatible") boolean compatible,
                                 @JsonInclude(JsonInclude.Include.NON_NULL) List<String> messages) {
    }

    @Serdeable
    record ConfigUpdate(String compatibility) {
    }

    @Serdeable
    record ConfigResponse(String compatibilityLevel) {
    }

    @Serdeable
    record ErrorMessage(@JsonProperty("error_code") int errorCode, String message) {
    }
}
