package dk.rm.patientsafety.statistics;

import dk.rm.patientsafety.spc.Chart;
import dk.rm.patientsafety.spc.ChartSpec;
import dk.rm.patientsafety.spc.Qic;

import java.util.List;

/** A series ready to chart: what it is, which chart suits it, and its points in time order. */
public record SeriesData(String seriesId, String title, String unit, String measure, ChartSpec spec, List<SeriesPoint> points) {

    public Chart chart() {
        return chart(spec);
    }

    /** The same points on another chart, e.g. with a baseline frozen for the read API. */
    public Chart chart(ChartSpec otherSpec) {
        return Qic.chart(otherSpec, points.stream().map(SeriesPoint::observation).toList());
    }
}
