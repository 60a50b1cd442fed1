package dk.rm.patientsafety.alerting;

import dk.rm.patientsafety.events.OverallSeverity;
import dk.rm.patientsafety.service.organisation.OrganisationRegister;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRecipientsTest {

    private static final OrganisationRegister REGISTER = OrganisationRegister.load(Optional.empty());
    private static final AlertRecipients RECIPIENTS = new AlertRecipients(RecipientDirectory.load(Optional.empty(), REGISTER), REGISTER);
    private static final String AUH = "1309010000000";
    private static final String TEAM = "1309099000000";

    private static AlertRecipients.Addressee atAuh(boolean crossSector) {
        return new AlertRecipients.Addressee(REGISTER.lineage("1309014000000"), AUH, crossSector);
    }

    @Test
    void anAlertGoesToTheResponsibleUnitsRiskManagersThenItsManagementThenTheRegionalTeam() {
        assertEquals(List.of("risikomanager.auh@patientsikkerhed.example"), RECIPIENTS.newAt(0, atAuh(false)));
        assertEquals(List.of("ledelse.auh@patientsikkerhed.example"), RECIPIENTS.newAt(1, atAuh(false)));
        assertEquals(List.of("risikomanager.regionalt-team@patientsikkerhed.example", "ledelse.regionalt-team@patientsikkerhed.example"),
                RECIPIENTS.newAt(2, atAuh(false)));
        assertEquals(4, RECIPIENTS.upTo(2, atAuh(false)).size(), "everyone who has the alert at the top: " + RECIPIENTS.upTo(2, atAuh(false)));
    }

    @Test
    void aCrossSectorIncidentGoesToTheRegionalTeamAtOnceAndIsNotSentToItTwice() {
        assertEquals(List.of("risikomanager.auh@patientsikkerhed.example", "risikomanager.regionalt-team@patientsikkerhed.example"),
                RECIPIENTS.newAt(0, atAuh(true)));
        assertEquals(List.of("ledelse.regionalt-team@patientsikkerhed.example"), RECIPIENTS.newAt(2, atAuh(true)));
    }

    @Test
    void theRegionalTeamsOwnAlertsEscalateToTheRegionsManagement() {
        AlertRecipients.Addressee practice = new AlertRecipients.Addressee(List.of(TEAM, "1309000000000"), TEAM, false);
        assertEquals(List.of("risikomanager.regionalt-team@patientsikkerhed.example"), RECIPIENTS.newAt(0, practice));
        assertEquals(List.of("ledelse.regionalt-team@patientsikkerhed.example"), RECIPIENTS.newAt(1, practice));
        assertEquals(List.of("koncern.kvalitet@patientsikkerhed.example"), RECIPIENTS.newAt(2, practice));
    }

    @Test
    void aDirectoryThatWouldMissARecipientIsRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> RecipientDirectory.of(
                List.of(new Recipient("9999999999999", Recipient.Role.RISK_MANAGER, "Ukendt", "a@b.example")), REGISTER));
        for (String address : List.of("not an address", "a@b.example\r\nBcc: all@x.example", "Navn <a@b.example>", "a@localhost")) {
            assertThrows(IllegalArgumentException.class, () -> RecipientDirectory.of(
                    List.of(new Recipient(AUH, Recipient.Role.RISK_MANAGER, "AUH", address)), REGISTER), address);
        }
        assertThrows(IllegalArgumentException.class, () -> RecipientDirectory.of(List.of(new Recipient(AUH, null, "AUH", "a@b.example")), REGISTER));
    }

    @Test
    void anUnacknowledgedAlertGoesUpAfterItsSeveritysTimeTwiceAtMost() {
        EscalationRule rule = new EscalationRule(Map.of(OverallSeverity.FATAL_CONSEQUENCE, Duration.ofMinutes(15)), Duration.ofDays(3));
        Instant raised = Instant.parse("2026-12-07T10:00:00Z");
        assertEquals(Optional.of(Instant.parse("2026-12-07T10:15:00Z")), rule.next("FATAL_CONSEQUENCE", 0, raised));
        assertEquals(Optional.of(Instant.parse("2026-12-07T10:15:00Z")), rule.next("FATAL_CONSEQUENCE", 1, raised));
        assertEquals(Optional.empty(), rule.next("FATAL_CONSEQUENCE", AlertRecipients.TOP_LEVEL, raised), "the top has no one above it");
        assertEquals(Optional.of(Instant.parse("2026-12-10T10:00:00Z")), rule.next("UNDETERMINED", 0, raised), "a cluster: the default");
        assertEquals(Optional.of(Instant.parse("2026-12-10T10:00:00Z")), rule.next("NO_SUCH_SEVERITY", 0, raised));
        assertThrows(IllegalArgumentException.class, () -> new EscalationRule(Map.of(OverallSeverity.FATAL_CONSEQUENCE, Duration.ZERO), Duration.ofDays(3)));
    }

    @Test
    void escalationNotesSayInDanishHowLongTheAlertWaited() {
        assertEquals("Ikke kvitteret inden for 15 minutter: sendt videre til den ansvarlige enheds ledelse.",
                EscalationNotes.escalated(1, Duration.ofMinutes(15)));
        assertEquals("Stadig ikke kvitteret efter yderligere 1 time: sendt videre til regionalt niveau.", EscalationNotes.escalated(2, Duration.ofHours(1)));
        assertEquals("4 timer", EscalationNotes.danish(Duration.ofHours(4)));
        assertEquals("3 døgn", EscalationNotes.danish(Duration.ofDays(3)));
        assertEquals("90 minutter", EscalationNotes.danish(Duration.ofMinutes(90)));
        assertTrue(EscalationNotes.danish(Duration.ofMinutes(1)).equals("1 minut"));
    }
}
