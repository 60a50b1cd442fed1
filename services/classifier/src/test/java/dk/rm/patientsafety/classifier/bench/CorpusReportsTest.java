package dk.rm.patientsafety.classifier.bench;

import dk.rm.patientsafety.classifier.IncidentClassifier;
import dk.rm.patientsafety.events.IncidentClassified;
import dk.rm.patientsafety.events.IncidentReported;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmarks' inputs are what they claim: every corpus line, routable, and cross-sector exactly where the corpus says so. */
class CorpusReportsTest {

    @Test
    void everyCorpusReportIsRoutedAndCrossSectorWhereTheCorpusSays() throws Exception {
        List<IncidentReported> reports = CorpusReports.read(CorpusReports.corpus());
        List<JsonNode> labels = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(CorpusReports.corpus(), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                labels.add(json.readTree(line));
            }
        }
        assertEquals(labels.size(), reports.size());
        IncidentClassifier classifier = CorpusReports.classifier(Clock.systemUTC());
        for (int i = 0; i < reports.size(); i++) {
            IncidentClassified classified = classifier.classify(reports.get(i));
            String id = labels.get(i).path("id").asText();
            assertNotNull(classified.getResponsibleUnit(), id);
            assertEquals(labels.get(i).path("crossSector").asBoolean(), classified.getCrossSector(), id);
            assertEquals(classified.getSacScore() == null ? 4 : 5, classified.getExplanations().size(), id); // no SAC without a consequence
        }
        Set<String> units = reports.stream().map(IncidentReported::getIncidentLocation).collect(Collectors.toSet());
        assertTrue(units.size() >= 8, "reports spread over the register's units: " + units);
    }
}
