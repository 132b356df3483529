--
-- jsonb: the casts of the structured types to jsonb (src/json.c)
--
\i test/regress_helpers.sql

-- every cast to jsonb of the extension: explicit, by a function that is
-- IMMUTABLE STRICT PARALLEL SAFE and commented
SELECT c.castsource::regtype, c.castcontext, c.castmethod, p.proname, p.provolatile, p.proisstrict,
       p.proparallel, obj_description(p.oid, 'pg_proc') IS NOT NULL AS commented
FROM pg_cast c JOIN pg_proc p ON p.oid = c.castfunc
JOIN pg_depend d ON d.classid = 'pg_cast'::regclass AND d.objid = c.oid AND d.deptype = 'e'
WHERE c.casttarget = 'jsonb'::regtype ORDER BY 1::text;

-- survey_summary: counts by score, the scale; weights when weighted
SELECT '{0:20,7:30,9:50}'::survey_summary::jsonb;
SELECT jsonb('{1:2,5:3,scale:5}'::survey_summary);
SELECT survey_agg(s, w)::jsonb FROM (VALUES (10, 2.0), (10, 0.5), (3, 1.0)) v(s, w);
SELECT '{}'::survey_summary::jsonb AS empty;
SELECT (s::jsonb -> 'counts' ->> '9')::bigint = score_count(s, 9) AS same_count,
       (s::jsonb ->> 'responses')::bigint = responses(s) AS same_responses
FROM (SELECT survey_agg(x % 11) AS s FROM generate_series(1, 1000) x) t;

-- routing_priority: times in UTC whatever the session's zone
SET TimeZone = 'America/New_York';
SELECT '(tier=1, level=3, enqueued=2026-03-01 09:00:00+00, virtual=2026-03-01 08:55:00+00)'::routing_priority::jsonb;
RESET TimeZone;

-- skillset: skill names and levels
SELECT 'billing:7, english:6, german:10'::skillset::jsonb;
SELECT ''::skillset::jsonb AS none;

-- duration_sketch: seconds, the buckets with their upper bounds
SELECT duration_agg(d)::jsonb FROM (VALUES (interval '0'), ('1 second'), ('1 second'), ('90 seconds')) v(d);
SELECT jsonb_pretty(duration_agg(d, 0.05)::jsonb) FROM (VALUES (interval '1.5 seconds'), ('2 minutes')) v(d);
-- each bucket's count is the number of durations at most its upper bound and
-- above the one before it
SELECT bool_and(((b ->> 'count')::bigint) = (SELECT count(*) FROM generate_series(1, 500) x
                 WHERE x * 0.37 <= (b ->> 'upper')::float8 AND x * 0.37 > coalesce(prev, 0))) AS buckets_agree,
       count(*) > 10 AS many
FROM (SELECT b, lag((b ->> 'upper')::float8) OVER (ORDER BY (b ->> 'upper')::float8) AS prev
      FROM (SELECT duration_agg(x * interval '0.37 seconds')::jsonb AS j FROM generate_series(1, 500) x) t,
           jsonb_array_elements(j -> 'buckets') b) u;

-- queue_summary: thresholds, counters, the two sketches
SELECT jsonb_pretty(queue_agg(w, a, h)::jsonb)
FROM (VALUES (interval '3 s', true, interval '2 min'), ('40 s', true, '5 min'), ('2 s', false, NULL), ('25 s', false, NULL)) v(w, a, h);
SELECT (q::jsonb ->> 'offered')::bigint = offered(q) AND (q::jsonb ->> 'answered_within')::bigint = answered_within(q)
       AND (q::jsonb ->> 'answer_within')::numeric = 30 AS same
FROM (SELECT queue_agg(x * interval '1 s', x % 4 <> 0, NULL, interval '30 s') AS q FROM generate_series(1, 100) x) t;

-- journey: the touchpoints in order, times in UTC, a missing channel null
SET TimeZone = 'Asia/Tokyo';
SELECT '[2026-05-01 09:00+00 awareness/web, 2026-05-02 12:00+00 consideration/email, 2026-05-03 08:00+00 acquisition]'::journey::jsonb;
RESET TimeZone;
SELECT '[]'::journey::jsonb AS no_touchpoints;
SELECT jsonb_array_length(journey_agg(at, 'awareness', 'web')::jsonb) = touchpoints(journey_agg(at, 'awareness', 'web')) AS same_length
FROM generate_series(timestamptz '2026-01-01 00:00+00', '2026-01-02 00:00+00', '1 hour') at;

-- sla_clock: state, last event, working time in seconds, runs (an open run's end null), the calendar
SELECT 'running at 2026-12-22 10:00+00; runs [2026-12-21 10:00+00, 2026-12-21 12:00+00), [2026-12-22 09:30+00, ); hours mon-fri 09:00-17:00'::sla_clock::jsonb;
SELECT 'stopped at 2026-12-22 10:00+00; runs none; hours 24/7'::sla_clock::jsonb;

-- business_hours: the zone, the week's ranges by weekday, closed dates, dates with hours of their own
SELECT 'mon-fri 08:00-12:00,13:00-18:00; sat 09:00-13:00; tz Europe/Berlin; closed 2026-10-03; open 2026-12-24 09:00-12:00'::business_hours::jsonb;
SELECT '24/7'::business_hours::jsonb -> 'week' -> 'sun' AS sunday, NULL::business_hours::jsonb AS null_hours;

-- NULL in, NULL out
SELECT NULL::survey_summary::jsonb, NULL::routing_priority::jsonb, NULL::skillset::jsonb,
       NULL::duration_sketch::jsonb, NULL::queue_summary::jsonb, NULL::journey::jsonb, NULL::sla_clock::jsonb;
-- no implicit or assignment cast: a jsonb column takes the value only when asked
CREATE TEMP TABLE j (v jsonb);
INSERT INTO j SELECT '{9:1}'::survey_summary;
INSERT INTO j SELECT '{9:1}'::survey_summary::jsonb;
SELECT v FROM j;
DROP TABLE j;
-- confidence_interval is a composite: to_jsonb gives its fields already
SELECT to_jsonb(rate_ci(45, 100)) ? 'low' AND to_jsonb(nps_ci('{9:5,0:1}')) ? 'high' AS composite_fields;
