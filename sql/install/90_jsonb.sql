-- since 1.2

-- ---------------------------------------------------------------------------
-- Structured values as jsonb (src/json.c and each type's file,
-- doc/applications.md): a cast from each structured type to jsonb with its
-- fields, so JSON-speaking applications and BI tools read a value without a
-- parser of its text.  Explicit casts (s::jsonb, jsonb(s)); durations in
-- seconds, timestamps in UTC, so the result does not depend on the session.
-- ---------------------------------------------------------------------------

CREATE FUNCTION jsonb(survey_summary) RETURNS pg_catalog.jsonb
	AS 'MODULE_PATHNAME', 'survey_summary_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jsonb(survey_summary) IS 'survey_summary as jsonb: responses, counts by score (weights, weight_sq when weighted), scale';
CREATE CAST (survey_summary AS pg_catalog.jsonb) WITH FUNCTION jsonb(survey_summary);

CREATE FUNCTION jsonb(routing_priority) RETURNS pg_catalog.jsonb
	AS 'MODULE_PATHNAME', 'routing_priority_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jsonb(routing_priority) IS 'routing_priority as jsonb: tier, level, enqueued and virtual arrival (UTC)';
CREATE CAST (routing_priority AS pg_catalog.jsonb) WITH FUNCTION jsonb(routing_priority);

CREATE FUNCTION jsonb(skillset) RETURNS pg_catalog.jsonb
	AS 'MODULE_PATHNAME', 'skillset_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jsonb(skillset) IS 'skillset as jsonb: an object of skill names and levels';
CREATE CAST (skillset AS pg_catalog.jsonb) WITH FUNCTION jsonb(skillset);

CREATE FUNCTION jsonb(duration_sketch) RETURNS pg_catalog.jsonb
	AS 'MODULE_PATHNAME', 'duration_sketch_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jsonb(duration_sketch) IS 'duration_sketch as jsonb: accuracy, samples, zeros, sum, min, max (seconds) and the buckets (upper bound in seconds, count)';
CREATE CAST (duration_sketch AS pg_catalog.jsonb) WITH FUNCTION jsonb(duration_sketch);

CREATE FUNCTION jsonb(queue_summary) RETURNS pg_catalog.jsonb
	AS 'MODULE_PATHNAME', 'queue_summary_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jsonb(queue_summary) IS 'queue_summary as jsonb: thresholds (seconds), counters, and the wait and handle sketches';
CREATE CAST (queue_summary AS pg_catalog.jsonb) WITH FUNCTION jsonb(queue_summary);

CREATE FUNCTION jsonb(journey) RETURNS pg_catalog.jsonb
	AS 'MODULE_PATHNAME', 'journey_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jsonb(journey) IS 'journey as jsonb: an array of touchpoints (at in UTC, stage, channel)';
CREATE CAST (journey AS pg_catalog.jsonb) WITH FUNCTION jsonb(journey);

CREATE FUNCTION jsonb(sla_clock) RETURNS pg_catalog.jsonb
	AS 'MODULE_PATHNAME', 'sla_clock_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jsonb(sla_clock) IS 'sla_clock as jsonb: state, last event (UTC), working time in seconds, runs, business hours';
CREATE CAST (sla_clock AS pg_catalog.jsonb) WITH FUNCTION jsonb(sla_clock);

CREATE FUNCTION jsonb(business_hours) RETURNS pg_catalog.jsonb
	AS 'MODULE_PATHNAME', 'business_hours_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION jsonb(business_hours) IS 'business_hours as jsonb: tz, the week''s ranges by weekday, closed dates, dates with hours of their own';
CREATE CAST (business_hours AS pg_catalog.jsonb) WITH FUNCTION jsonb(business_hours);
