-- test/demo/60_journey.sql: customer journeys built from the sample's touchpoints,
-- the stage funnel with conversion
-- bars, time to convert, and channel attribution under the five models.
\set QUIET on
CREATE TABLE demo_journeys AS
SELECT customer_id, journey_agg(at, stage, channel) AS j
FROM touchpoints GROUP BY customer_id;
\set QUIET off

\echo
\echo '-- Journeys: stage funnel (journey_agg + stage_funnel, each step within 30 days) --'
WITH f AS (
    SELECT stage_funnel(j, '30 days') AS steps, j FROM demo_journeys
), by_stage AS (
    SELECT s AS stage, stage_rank(s) AS rank,
           count(*) FILTER (WHERE steps >= stage_rank(s)) AS in_order,
           count(*) FILTER (WHERE j @> s) AS reached
    FROM f, unnest(journey_stage_labels()) AS s
    GROUP BY s
)
SELECT stage, in_order AS customers,
       round(100.0 * in_order / first_value(in_order) OVER w, 1) AS "% of top",
       round(100.0 * in_order / nullif(lag(in_order) OVER w, 0), 1) AS "step %",
       reached AS "reached (any order)",
       repeat('█', round(50.0 * in_order / max(in_order) OVER ())::int)
         || repeat('░', round(50.0 * (reached - in_order) / max(in_order) OVER ())::int) AS " "
FROM by_stage
WINDOW w AS (ORDER BY rank)
ORDER BY rank;
\echo '   █ completed in order, each step within 30 days    ░ reached too, but not so'

\echo
\echo '-- Journeys: time to each stage, for the customers who reached it -----------'
SELECT s AS stage, count(t) AS customers,
       justify_hours(percentile_cont(0.5) WITHIN GROUP (ORDER BY t)) AS median,
       justify_hours(percentile_cont(0.9) WITHIN GROUP (ORDER BY t)) AS p90,
       date_trunc('minute', justify_hours(avg(time_in_stage(j, s)))) AS "mean time in stage"
FROM demo_journeys, unnest(journey_stage_labels()) AS s,
     LATERAL (SELECT date_trunc('hour', time_to_stage(j, s)) AS t) tt
WHERE s > 'awareness'
GROUP BY s ORDER BY s;

\echo
\echo '-- Journeys: conversions credited to channels (attribution, 5 models) -------'
WITH credit AS (
    SELECT m.model, a.channel, a.credit
    FROM demo_journeys,
         unnest(ARRAY['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based']) AS m(model),
         attribution(j, m.model, '7 days') AS a
)
SELECT CASE WHEN grouping(channel) = 1 THEN 'all conversions'
            ELSE coalesce(channel::text, '(no channel)') END AS channel,
       round(sum(credit) FILTER (WHERE model = 'first_touch')::numeric, 1) AS first_touch,
       round(sum(credit) FILTER (WHERE model = 'last_touch')::numeric, 1) AS last_touch,
       round(sum(credit) FILTER (WHERE model = 'linear')::numeric, 1) AS linear,
       round(sum(credit) FILTER (WHERE model = 'time_decay')::numeric, 1) AS time_decay,
       round(sum(credit) FILTER (WHERE model = 'position_based')::numeric, 1) AS position_based,
       CASE WHEN grouping(channel) = 0 THEN
            repeat('▒', round(40.0 * sum(credit) FILTER (WHERE model = 'linear')
                              / max(sum(credit) FILTER (WHERE model = 'linear')
                                    * (1 - grouping(channel))) OVER ())::int) END AS " "
FROM credit
GROUP BY ROLLUP (channel)
ORDER BY grouping(channel), sum(credit) FILTER (WHERE model = 'linear') DESC, channel;
