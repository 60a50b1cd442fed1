package dk.rm.patientsafety.service.words;

import dk.rm.patientsafety.events.FollowUpStatus;
import dk.rm.patientsafety.events.IncidentType;
import dk.rm.patientsafety.events.OverallSeverity;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DanishWordsTest {

    @Test
    void everyValueAnOfficerOrPartnerReadsHasADanishWordOfItsOwn() {
        Stream.of(IncidentType.values()).forEach(t -> assertNotEquals(t.name(), DanishWords.type(t), t.name()));
        Stream.of(OverallSeverity.values()).forEach(s -> assertNotEquals(s.name(), DanishWords.severity(s), s.name()));
        Stream.of(FollowUpStatus.values()).forEach(s -> assertNotEquals(s.name(), DanishWords.followUp(s), s.name()));
        assertEquals(IncidentType.values().length, Arrays.stream(IncidentType.values()).map(DanishWords::type).distinct().count(),
                "two types with one word could not be told apart");
        assertEquals("november", DanishWords.month(11));
    }
}
