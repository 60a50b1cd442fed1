package dk.rm.patientsafety.learning;

import dk.rm.patientsafety.security.Caller;
import dk.rm.patientsafety.security.Roles;

/**
 * Who a subscription's summaries are for, fixed by the token that created it: the region's own staff (risk managers,
 * the regional team), who may see redacted example narratives, or a cross-sector partner, who sees suppressed
 * aggregates of cross-sector incidents only.
 */
public enum Audience {
    STAFF, PARTNER;

    /** A token that is a partner's is treated as one, whatever else it carries: the narrower audience wins. */
    static Audience of(Caller caller) {
        return caller.has(Roles.PARTNER) ? PARTNER : STAFF;
    }
}
