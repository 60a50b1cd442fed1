package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.service.http.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

import java.util.List;
import java.util.Optional;

/** Serves every series with its chart data from the stream's state stores, ready for a dashboard. */
@Controller("/api/v1/series")
public class SeriesController {

    static final String UNKNOWN_SERIES = "https://patientsafety.rm.dk/problems/unknown-series";
    static final String INVALID_FREEZE = "https://patientsafety.rm.dk/problems/invalid-freeze";
    static final String UNCHARTABLE = "https://patientsafety.rm.dk/problems/unchartable-series";
    static final String NOT_READY = "https://patientsafety.rm.dk/problems/statistics-not-ready";

    private final StatisticsStream stream;
    private final StatisticsConfig config;

    public SeriesController(StatisticsStream stream, StatisticsConfig config) {
        this.stream = stream;
        this.config = config;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> list(@QueryValue @Nullable String unit) {
        try {
            return HttpResponse.ok(charts().list(Optional.ofNullable(unit)));
        } catch (InvalidStateStoreException e) {
            return notReady();
        }
    }

    @Get(uri = "/{seriesId}", produces = {MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    public HttpResponse<?> series(@PathVariable String seriesId, @QueryValue @Nullable Integer freeze) {
        if (freeze != null && freeze < 2) {
            return Problem.invalidFields(INVALID_FREEZE, "Invalid freeze",
                    List.of(new Problem.FieldError("freeze", "must be at least 2 points (the baseline the limits are computed from)")));
        }
        try {
            Optional<SeriesView> view = charts().chart(seriesId, freeze == null ? 0 : freeze);
            return view.<HttpResponse<?>>map(HttpResponse::ok).orElseGet(() -> Problem.respond(new Problem(UNKNOWN_SERIES,
                    "Unknown series", 404, "No series with this id has been charted yet", List.of())));
        } catch (InvalidStateStoreException e) {
            return notReady();
        } catch (IllegalArgumentException e) {
            // The chart cannot be drawn from these points (e.g. a freeze longer than the series); the message names the rule.
            return Problem.respond(new Problem(UNCHARTABLE, "Series cannot be charted", 422, e.getMessage(), List.of()));
        }
    }

    private SeriesCharts charts() {
        return new SeriesCharts(stream.store(StatisticsStores.INCIDENT_COUNTS), stream.store(StatisticsStores.UNIT_ACTIVITY),
                stream.store(StatisticsStores.INDICATOR_OBSERVATIONS), stream.store(StatisticsStores.INCIDENT_SIGNAL_STATES),
                stream.store(StatisticsStores.INDICATOR_SIGNAL_STATES), config);
    }

    private static HttpResponse<?> notReady() {
        return Problem.respond(new Problem(NOT_READY, "Statistics not ready", 503,
                "The statistics stream is still restoring its state; try again shortly", List.of()));
    }
}
