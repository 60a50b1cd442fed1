package dk.rm.patientsafety.bulkimport;

import dk.rm.patientsafety.bulkimport.ImportSummary.Origin;
import dk.rm.patientsafety.bulkimport.ImportSummary.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportSummaryTest {

    private static ImportSummary summary(boolean dryRun) {
        return new ImportSummary(ImportKind.REPORTS, "uth.csv", "http://localhost:8080/api/v1/incidents/batch", dryRun);
    }

    @Test
    void reasonsAreGroupedByOriginFieldAndMessageMostFrequentFirst() {
        ImportSummary summary = summary(false);
        summary.read(6);
        summary.countAccepted();
        summary.countRejected(Origin.INTAKE, 3, "R-3", List.of(new FieldError("eventDate", "lies in the future")));
        summary.countRejected(Origin.INTAKE, 4, "R-4", List.of(new FieldError("eventDate", "lies in the future"),
                new FieldError("incidentLocation", "is not a unit in the organisation register")));
        summary.countRejected(Origin.IMPORTER, 5, null, List.of(new FieldError("eventDate", "lies in the future")));
        summary.countRejected(Origin.IMPORTER, 6, "R-6", List.of(RowMapper.wrongColumnCount()));

        assertEquals(List.of(
                new Reason(Origin.INTAKE, "eventDate", "lies in the future", 2, List.of("row 3 (R-3)", "row 4 (R-4)")),
                new Reason(Origin.IMPORTER, "eventDate", "lies in the future", 1, List.of("row 5")),
                new Reason(Origin.IMPORTER, "row", "has a different number of cells than the header has columns", 1, List.of("row 6 (R-6)")),
                new Reason(Origin.INTAKE, "incidentLocation", "is not a unit in the organisation register", 1, List.of("row 4 (R-4)"))),
                summary.reasons());
        assertEquals(4, summary.rejected());
        assertEquals(2, summary.rejectedByImporter());
        assertEquals(2, summary.rejectedByIntake());
        assertEquals(1, summary.notSent());
    }

    @Test
    void indexedFieldsAreOneReasonAndExamplesAreCapped() {
        ImportSummary summary = summary(false);
        for (int i = 0; i < 5; i++) {
            summary.countRejected(Origin.INTAKE, 10 + i, "R-" + i, List.of(new FieldError("medicines[" + i + "].atcCode", "is not an ATC code"),
                    new FieldError("medicines[" + (i + 1) + "].atcCode", "is not an ATC code")));
        }

        Reason reason = summary.reasons().get(0);
        assertEquals(1, summary.reasons().size());
        assertEquals("medicines[].atcCode", reason.field());
        assertEquals(5, reason.reports(), "a report counts once per reason");
        assertEquals(List.of("row 10 (R-0)", "row 11 (R-1)", "row 12 (R-2)"), reason.examples());
    }

    @Test
    void aRejectionWithoutErrorsStillHasAReason() {
        ImportSummary summary = summary(false);
        summary.countRejected(Origin.INTAKE, 2, "R-1", List.of());

        assertEquals("rejected without a reason", summary.reasons().get(0).message());
    }

    @Test
    void exitCodes() {
        ImportSummary allAccepted = summary(false);
        allAccepted.read(1);
        allAccepted.countAccepted();
        ImportSummary someRejected = summary(false);
        someRejected.countRejected(Origin.INTAKE, 2, "R-1", List.of(new FieldError("x", "y")));
        ImportSummary failed = summary(false);
        failed.countAccepted();
        failed.fail("Intake answered HTTP 400");
        ImportSummary empty = summary(false);

        assertEquals(BulkImport.OK, allAccepted.exitCode());
        assertEquals(BulkImport.SOME_REJECTED, someRejected.exitCode());
        assertEquals(BulkImport.FAILED, failed.exitCode());
        assertEquals(BulkImport.OK, empty.exitCode());
    }

    @Test
    void rendersASmallTable() {
        ImportSummary summary = summary(false);
        summary.read(5);
        summary.countAccepted();
        summary.countAccepted();
        summary.countAccepted();
        summary.countRejected(Origin.IMPORTER, 3, "UTH-3", List.of(new FieldError("event_date", "is not a date (YYYY-MM-DD or DD-MM-YYYY)")));
        summary.countRejected(Origin.INTAKE, 5, "UTH-5", List.of(new FieldError("eventDate", "lies in the future")));
        summary.elapsed(2_000_000_000L);

        assertEquals("""
                Bulk import of reports from uth.csv to http://localhost:8080/api/v1/incidents/batch
                  read           5  rows
                  accepted       3
                  rejected       2
                    by importer  1  not sent
                    by intake    1
                  took 2.0 s (3 rows/s)

                Rejection reasons (a report may have several):
                  by        field       message                                   reports  e.g.
                  importer  event_date  is not a date (YYYY-MM-DD or DD-MM-YYYY)        1  row 3 (UTH-3)
                  intake    eventDate   lies in the future                              1  row 5 (UTH-5)
                Some reports were rejected (exit code 1).
                """, summary.render());
    }

    @Test
    void aDryRunSaysWhatWouldBeSentAndAFailureSaysWhy() {
        ImportSummary dry = summary(true);
        dry.read(2);
        dry.countMapped();
        dry.countMapped();
        ImportSummary failed = summary(false);
        failed.read(10);
        failed.countAccepted();
        failed.fail("Cannot reach intake at http://localhost:1/api/v1/incidents/batch (ConnectException)");

        assertTrue(dry.render().contains("(dry run: nothing sent)"), dry.render());
        assertTrue(dry.render().contains("would be sent  2"), dry.render());
        assertTrue(dry.render().endsWith("Every row can be mapped (exit code 0).\n"), dry.render());
        assertTrue(failed.render().contains("not sent        9  import stopped"), failed.render());
        assertTrue(failed.render().contains("Failed: Cannot reach intake"), failed.render());
        assertTrue(failed.render().endsWith("The import did not complete (exit code 2).\n"), failed.render());
    }
}
