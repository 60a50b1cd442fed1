package dk.rm.patientsafety.alerting;

import java.time.Duration;

/** The Danish note an escalation step carries, for the officers and managers who read the alert's history. */
final class EscalationNotes {

    private EscalationNotes() {
    }

    static String escalated(int level, Duration within) {
        if (level >= AlertRecipients.TOP_LEVEL) {
            return "Stadig ikke kvitteret efter yderligere " + danish(within) + ": sendt videre til regionalt niveau.";
        }
        return "Ikke kvitteret inden for " + danish(within) + ": sendt videre til den ansvarlige enheds ledelse.";
    }

    /** 15 minutter, 1 time, 4 timer, 3 døgn. */
    static String danish(Duration duration) {
        long minutes = duration.toMinutes();
        if (minutes < 60 || minutes % 60 != 0) {
            return minutes == 1 ? "1 minut" : minutes + " minutter";
        }
        long hours = duration.toHours();
        if (hours < 24 || hours % 24 != 0) {
            return hours == 1 ? "1 time" : hours + " timer";
        }
        return duration.toDays() + " døgn";
    }
}
