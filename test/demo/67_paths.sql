-- test/demo/67_paths.sql: paths through the sample's journeys: what customers do
-- right after the pricing page (sequence_next_node), and the conversions credited
-- by the data (markov_attribution) beside the fixed 40/20/40 rule (position_based).
-- Reads demo_journeys of 60_journey.sql.

\echo
\echo '-- Paths: the touchpoint right after the first "Pricing page visit" (sequence_next_node)'
WITH after_pricing AS (
    SELECT customer_id,
           sequence_next_node('forward', 'first_match', at, touchpoint, true,
                              touchpoint = 'Pricing page visit') AS next
    FROM touchpoints
    GROUP BY customer_id
    HAVING bool_or(touchpoint = 'Pricing page visit')
)
SELECT coalesce(next, '(nothing after it)') AS "next touchpoint", count(*) AS customers,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS "%",
       repeat('█', round(40.0 * count(*) / max(count(*)) OVER ())::int) AS " "
FROM after_pricing
GROUP BY next
ORDER BY count(*) DESC, next
LIMIT 8;

\echo
\echo '-- Attribution: Markov removal effect (learnt from all journeys) vs position-based (40/20/40)'
WITH markov AS (
    SELECT coalesce(c.channel::text, '(no channel)') AS channel, c.credit
    FROM unnest((SELECT markov_attribution(j) FROM demo_journeys)) c
), position_based AS (
    SELECT coalesce(a.channel::text, '(no channel)') AS channel, sum(a.credit) AS credit
    FROM demo_journeys, attribution(j, 'position_based') a
    GROUP BY 1
)
SELECT channel,
       round(coalesce(m.credit, 0)::numeric, 1) AS markov,
       round(coalesce(p.credit, 0)::numeric, 1) AS position_based,
       round((coalesce(m.credit, 0) - coalesce(p.credit, 0))::numeric, 1) AS "markov - position",
       repeat('▒', round(40.0 * coalesce(m.credit, 0) / max(coalesce(m.credit, 0)) OVER ())::int) AS " "
FROM markov m FULL JOIN position_based p USING (channel)
ORDER BY markov DESC, channel;

\echo '   one conversion definition: the journeys that reach acquisition (or beyond)'
SELECT count(*) FILTER (WHERE j @> 'acquisition') AS "reached acquisition",
       count(*) FILTER (WHERE EXISTS (SELECT FROM attribution(j))) AS "credited by attribution",
       (SELECT round(sum(c.credit)::numeric)
        FROM unnest((SELECT markov_attribution(j) FROM demo_journeys)) c) AS "credited by markov"
FROM demo_journeys;
