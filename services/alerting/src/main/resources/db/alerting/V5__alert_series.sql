-- A control-chart signal's alert names its series, so an officer can open the chart it was found on.
ALTER TABLE alert ADD COLUMN series_id VARCHAR(300);
