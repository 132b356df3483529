-- since 1.2

-- ---------------------------------------------------------------------------
-- Structured values as jsonb (src/json.c and each type's file,
-- doc/applications.md): a cast from each structured type to jsonb with its
-- fields, so JSON-speaking applications and BI tools read a value without a
-- parser of its text.  Explicit casts (s::jsonb, jsonb(s)); durations in
-- seconds, timestamps in UTC, so the result does not depend on the session.
-- Each cast is made from sql/install/jsonb_cast.sql.in (the C function is
-- CSYM_jsonb); its comment follows the directive.
-- ---------------------------------------------------------------------------

-- @jsonb_cast survey_summary survey_summary
COMMENT ON FUNCTION jsonb(survey_summary) IS 'survey_summary as jsonb: responses, counts by score (weights, weight_sq when weighted), scale';

-- @jsonb_cast routing_priority routing_priority
COMMENT ON FUNCTION jsonb(routing_priority) IS 'routing_priority as jsonb: tier, level, enqueued and virtual arrival (UTC)';

-- @jsonb_cast skillset skillset
COMMENT ON FUNCTION jsonb(skillset) IS 'skillset as jsonb: an object of skill names and levels';

-- @jsonb_cast duration_sketch duration_sketch
COMMENT ON FUNCTION jsonb(duration_sketch) IS 'duration_sketch as jsonb: accuracy, samples, zeros, sum, min, max (seconds) and the buckets (upper bound in seconds, count)';

-- @jsonb_cast queue_summary queue_summary
COMMENT ON FUNCTION jsonb(queue_summary) IS 'queue_summary as jsonb: thresholds (seconds), counters, and the wait and handle sketches';

-- @jsonb_cast journey journey
COMMENT ON FUNCTION jsonb(journey) IS 'journey as jsonb: an array of touchpoints (at in UTC, stage, channel)';

-- @jsonb_cast sla_clock sla_clock
COMMENT ON FUNCTION jsonb(sla_clock) IS 'sla_clock as jsonb: state, last event (UTC), working time in seconds, runs, business hours';

-- @jsonb_cast business_hours business_hours
COMMENT ON FUNCTION jsonb(business_hours) IS 'business_hours as jsonb: tz, the week''s ranges by weekday, closed dates, dates with hours of their own';
