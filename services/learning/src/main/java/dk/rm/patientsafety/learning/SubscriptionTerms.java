package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.delivery.MailAddresses;
import dk.rm.patientsafety.delivery.WebhookSubscriber;
import dk.rm.patientsafety.delivery.Webhooks;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.security.Caller;
import dk.rm.patientsafety.security.UnitScope;
import dk.rm.patientsafety.service.http.Problem;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A subscription's terms as a caller asks for them, checked field by field: units the register knows and the caller
 * covers (a partner: one feed, all of its own units, cross-sector, monthly), known types and severities, a cadence, and a
 * channel with its target (a plain mail address, or a webhook the operator configured that covers every unit).
 */
@Singleton
public class SubscriptionTerms {

    /** What a subscription asks for; {@code incidentTypes} empty for every type, {@code minimumSeverity} null for any. */
    public record Terms(String name, List<String> units, List<String> incidentTypes, String minimumSeverity, boolean crossSectorOnly,
                        Cadence cadence, FeedChannel channel, String target) {
    }

    /** The terms, or why not; {@code revision} is the one a change was made against, if it named one. */
    public record Checked(Terms terms, Integer revision, List<Problem.FieldError> errors) {
    }

    static final int MAX_UNITS = 50;
    private static final int MAX_NAME = 200;
    private static final Set<String> FIELDS = Set.of("name", "units", "incidentTypes", "minimumSeverity", "crossSectorOnly", "cadence",
            "channel", "target");

    private final OrganisationRegister register;
    private final UnitScope scope;
    private final Webhooks webhooks;

    public SubscriptionTerms(OrganisationRegister register, UnitScope scope, Webhooks webhooks) {
        this.register = register;
        this.scope = scope;
        this.webhooks = webhooks;
    }

    /** @param change whether this changes a subscription, whose body may name the {@code revision} it was read at */
    public Checked check(Map<String, Object> body, Caller caller, boolean change) {
        List<Problem.FieldError> errors = new ArrayList<>();
        body.keySet().stream().filter(name -> !FIELDS.contains(name) && !(change && name.equals("revision"))).sorted()
                .forEach(name -> errors.add(new Problem.FieldError(name, "is not a field of a subscription; fields: "
                        + String.join(", ", FIELDS.stream().sorted().toList()))));
        Audience audience = Audience.of(caller);
        String name = text(body, "name", errors);
        List<String> units = units(body.get("units"), caller, audience, errors);
        List<String> types = names(body.get("incidentTypes"), "incidentTypes", IncidentType.values(), errors);
        String severity = oneOf(body.get("minimumSeverity"), "minimumSeverity", OverallSeverity.values(), false, errors);
        Object crossSector = body.get("crossSectorOnly");
        boolean crossSectorOnly = audience == Audience.PARTNER;
        if (crossSector != null && !(crossSector instanceof Boolean)) {
            errors.add(new Problem.FieldError("crossSectorOnly", "must be true or false"));
        } else if (crossSector != null) {
            crossSectorOnly = (Boolean) crossSector;
            if (audience == Audience.PARTNER && !crossSectorOnly) {
                errors.add(new Problem.FieldError("crossSectorOnly", "a partner receives cross-sector incidents only"));
            }
        }
        String cadence = oneOf(body.get("cadence"), "cadence", Cadence.values(), true, errors);
        String channel = oneOf(body.get("channel"), "channel", FeedChannel.values(), true, errors);
        String target = target(body.get("target"), channel == null ? null : FeedChannel.valueOf(channel), units, errors);
        if (audience == Audience.PARTNER) {
            partnerFeed(caller, units, types, severity, cadence, channel, errors);
        }
        Integer revision = null;
        if (change && body.containsKey("revision")) {
            if (body.get("revision") instanceof Integer r && r >= 1) {
                revision = r;
            } else {
                errors.add(new Problem.FieldError("revision", "must be the subscription's revision as last read, a whole number"));
            }
        }
        if (!errors.isEmpty()) {
            return new Checked(null, null, errors);
        }
        return new Checked(new Terms(name, units, types, severity, crossSectorOnly, Cadence.valueOf(cadence), FeedChannel.valueOf(channel),
                target), revision, List.of());
    }

    private List<String> units(Object value, Caller caller, Audience audience, List<Problem.FieldError> errors) {
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > MAX_UNITS) {
            errors.add(new Problem.FieldError("units", "must list from 1 to " + MAX_UNITS + " SOR codes of units"));
            return List.of();
        }
        Set<String> units = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String code) || !register.contains(code)) {
                errors.add(new Problem.FieldError("units[" + i + "]", "is not the SOR code of a unit of the organisation register"));
            } else if (audience == Audience.PARTNER ? register.lineage(code).stream().noneMatch(caller.units()::contains) : !scope.covers(caller, code)) {
                // The register is public: naming a known unit the caller may not have tells nobody anything new.
                errors.add(new Problem.FieldError("units[" + i + "]", audience == Audience.PARTNER ? "a partner subscribes to its own units only: " + code
                        : "is not among the units you cover: " + code));
            } else {
                units.add(code);
            }
        }
        return List.copyOf(units);
    }

    /**
     * A partner has one feed, the same whatever it subscribes: every cross-sector incident involving any of its units, by
     * month. Two feeds over different units, types, severities or periods could be subtracted one from the other, and
     * give back a count that each hides; weeks of one municipality are mostly below five anyway. The summaries topic
     * holds everyone's summaries, so a partner is not given it as a channel.
     */
    private static void partnerFeed(Caller caller, List<String> units, List<String> types, String severity, String cadence, String channel,
                                    List<Problem.FieldError> errors) {
        if (!units.isEmpty() && !Set.copyOf(units).equals(Set.copyOf(caller.units()))) {
            errors.add(new Problem.FieldError("units", "a partner's feed covers all of its own units, no more and no fewer: "
                    + caller.units().stream().sorted().toList()));
        }
        if (!types.isEmpty()) {
            errors.add(new Problem.FieldError("incidentTypes", "a partner's feed counts every incident type"));
        }
        if (severity != null) {
            errors.add(new Problem.FieldError("minimumSeverity", "a partner's feed counts every severity"));
        }
        if (Cadence.WEEKLY.name().equals(cadence)) {
            errors.add(new Problem.FieldError("cadence", "a partner's feed is MONTHLY"));
        }
        if (FeedChannel.KAFKA.name().equals(channel)) {
            errors.add(new Problem.FieldError("channel", "the summaries topic holds every subscriber's summaries: a partner chooses WEBHOOK, EMAIL or WEB_PAGE"));
        }
    }

    private String target(Object value, FeedChannel channel, List<String> units, List<Problem.FieldError> errors) {
        if (channel == null) {
            return null;
        }
        if (!channel.targeted()) {
            if (value != null) {
                errors.add(new Problem.FieldError("target", "is only for WEBHOOK (the webhook's name) and EMAIL (the address)"));
            }
            return null;
        }
        if (!(value instanceof String target) || target.isBlank()) {
            errors.add(new Problem.FieldError("target", channel == FeedChannel.EMAIL ? "must be the mail address to send to"
                    : "must be the name of a webhook the operator configured"));
            return null;
        }
        if (channel == FeedChannel.EMAIL) {
            if (!MailAddresses.isPlain(target)) {
                errors.add(new Problem.FieldError("target", "must be one plain mail address, without a display name"));
            }
            return target;
        }
        Optional<WebhookSubscriber> webhook = webhooks.named(target);
        if (webhook.isEmpty()) {
            errors.add(new Problem.FieldError("target", "is not a webhook the operator configured"));
        } else {
            units.stream().filter(unit -> !webhooks.covering(register.lineage(unit)).contains(webhook.get())).findFirst()
                    .ifPresent(unit -> errors.add(new Problem.FieldError("target", "the webhook does not receive unit " + unit + "'s events")));
        }
        return target;
    }

    private static String text(Map<String, Object> body, String field, List<Problem.FieldError> errors) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > MAX_NAME
                || text.chars().anyMatch(Character::isISOControl)) {
            errors.add(new Problem.FieldError(field, "must be text of at most " + MAX_NAME + " characters, without control characters"));
            return null;
        }
        return text.isBlank() ? null : text.strip();
    }

    private static <E extends Enum<E>> List<String> names(Object value, String field, E[] allowed, List<Problem.FieldError> errors) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            errors.add(new Problem.FieldError(field, "must be a list of " + Arrays.toString(allowed)));
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (Object item : list) {
            String name = oneOf(item, field, allowed, true, errors);
            if (name != null) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    private static <E extends Enum<E>> String oneOf(Object value, String field, E[] allowed, boolean required, List<Problem.FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(new Problem.FieldError(field, "is required: one of " + Arrays.toString(allowed)));
            }
            return null;
        }
        if (value instanceof String name && Arrays.stream(allowed).anyMatch(e -> e.name().equals(name))) {
            return name;
        }
        errors.add(new Problem.FieldError(field, "must be one of " + Arrays.toString(allowed)));
        return null;
    }
}
