package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.security.Caller;
import dk.rm.patientsafety.security.Callers;
import dk.rm.patientsafety.security.ProblemAuthorizationResponses;
import dk.rm.patientsafety.security.Roles;
import dk.rm.patientsafety.security.UnitScope;
import dk.rm.patientsafety.service.http.Problem;
import dk.rm.patientsafety.spc.ChartType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Serves every series with its chart data from the stream's state stores, ready for a dashboard: to a risk manager
 * the series of the units they cover, to the regional team and downstream systems all of them (they are aggregates).
 */
@Controller("/api/v1/series")
@Secured({Roles.RISK_MANAGER, Roles.REGIONAL_TEAM, Roles.DOWNSTREAM})
public class SeriesController {

    static final String UNKNOWN_SERIES = "https://patientsafety.rm.dk/problems/unknown-series";
    static final String INVALID_OPTIONS = "https://patientsafety.rm.dk/problems/invalid-chart-options";
    static final String UNCHARTABLE = "https://patientsafety.rm.dk/problems/unchartable-series";
    static final String NOT_READY = "https://patientsafety.rm.dk/problems/statistics-not-ready";

    private final StatisticsStream stream;
    private final StatisticsConfig config;
    private final Callers callers;
    private final UnitScope scope;

    public SeriesController(StatisticsStream stream, StatisticsConfig config, Callers callers, UnitScope scope) {
        this.stream = stream;
        this.config = config;
        this.callers = callers;
        this.scope = scope;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> list(@QueryValue @Nullable String unit, Authentication authentication) {
        Caller caller = callers.of(authentication);
        if (unit != null && !sees(caller, unit)) {
            return ProblemAuthorizationResponses.forbidden("Unit " + unit + " is not among the units you cover");
        }
        try {
            return HttpResponse.ok(charts().list(Optional.ofNullable(unit)).stream()
                    .filter(summary -> SeriesId.unit(summary.seriesId()).map(u -> sees(caller, u)).orElse(false)).toList());
        } catch (InvalidStateStoreException e) {
            return notReady();
        }
    }

    @Get(uri = "/{seriesId}", produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> series(@PathVariable String seriesId, @QueryValue @Nullable Integer freeze, @QueryValue @Nullable String phases,
                                  @QueryValue @Nullable Boolean screenedmr, @QueryValue @Nullable String chart,
                                  Authentication authentication) {
        // A series outside the caller's units answers as an unknown one: its existence is not theirs to learn.
        if (!SeriesId.unit(seriesId).map(u -> sees(callers.of(authentication), u)).orElse(false)) {
            return unknownSeries();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (freeze != null && freeze < 2) {
            errors.add(new Problem.FieldError("freeze", "must be at least 2 points (the baseline the limits are computed from)"));
        }
        List<LocalDate> phaseStarts = phaseStarts(phases, errors);
        if (freeze != null && !phaseStarts.isEmpty()) {
            errors.add(new Problem.FieldError("phases", "cannot be combined with freeze (each phase has its own limits)"));
        }
        Optional<ChartType> otherChart = otherChart(chart, errors);
        if (!errors.isEmpty()) {
            return Problem.invalidFields(INVALID_OPTIONS, "Invalid chart options", errors);
        }
        try {
            Optional<SeriesView> view = charts().chart(seriesId, freeze == null ? 0 : freeze, phaseStarts, screenedmr == null || screenedmr,
                    otherChart);
            return view.<HttpResponse<?>>map(HttpResponse::ok).orElseGet(SeriesController::unknownSeries);
        } catch (InvalidStateStoreException e) {
            return notReady();
        } catch (IllegalArgumentException e) {
            // The chart cannot be drawn from these points (e.g. a freeze longer than the series); the message names the rule.
            return Problem.respond(new Problem(UNCHARTABLE, "Series cannot be charted", 422, e.getMessage(), List.of()));
        }
    }

    /** qicharts2's chart name ({@code g}, {@code t}); which a series can be drawn on is the chart's business (422). */
    private static Optional<ChartType> otherChart(String chart, List<Problem.FieldError> errors) {
        if (chart == null || chart.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ChartType.fromQicName(chart.trim().toLowerCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError("chart", "must be a qicharts2 chart name, e.g. t"));
            return Optional.empty();
        }
    }

    /** {@code 2026-03-01,2026-09-01}: the first days of new phases, e.g. of interventions. */
    private static List<LocalDate> phaseStarts(String phases, List<Problem.FieldError> errors) {
        if (phases == null || phases.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(phases.split(",")).map(String::trim).map(LocalDate::parse).sorted().toList();
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError("phases", "must be dates (yyyy-mm-dd) separated by commas"));
            return List.of();
        }
    }

    private SeriesCharts charts() {
        return new SeriesCharts(stream.store(StatisticsStores.SERIES_TOTALS), stream.store(StatisticsStores.UNIT_ACTIVITY),
                stream.store(StatisticsStores.INDICATOR_OBSERVATIONS), stream.store(StatisticsStores.INCIDENT_SIGNAL_STATES),
                stream.store(StatisticsStores.INDICATOR_SIGNAL_STATES), config);
    }

    /** Downstream systems read every unit's aggregates; people only their units'. */
    private boolean sees(Caller caller, String unit) {
        return caller.has(Roles.DOWNSTREAM) || scope.covers(caller, unit);
    }

    private static HttpResponse<?> unknownSeries() {
        return Problem.respond(new Problem(UNKNOWN_SERIES, "Unknown series", 404, "No series with this id has been charted yet", List.of()));
    }

    private static HttpResponse<?> notReady() {
        return Problem.respond(new Problem(NOT_READY, "Statistics not ready", 503,
                "The statistics stream is still restoring its state; try again shortly", List.of())).header("Retry-After", "5");
    }
}
