package dk.rm.patientsafety.learning;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A summary as plain JSON for a webhook subscriber: its fields by name, dates as ISO dates, enums by name, a null as
 * null. Avro's own JSON encoding wraps every union value in its type's name, which no one wants to parse.
 */
final class SummaryJson {

    private SummaryJson() {
    }

    static Object tree(Object value) {
        if (value instanceof SpecificRecord record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                fields.put(field.name(), tree(record.get(field.pos())));
            }
            return fields;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SummaryJson::tree).toList();
        }
        if (value instanceof Enum<?> symbol) {
            return symbol.name();
        }
        if (value instanceof CharSequence || value instanceof java.time.temporal.TemporalAccessor) {
            return value.toString();
        }
        return value;
    }
}
