-- test/demo/40_fcr.sql: first-contact resolution rate by channel, by the rule of
-- doc/fcr.md (the README tour uses the same): inbound contacts only, a bot's
-- hand-off to a person counted once (the person's contact), a repeat being another
-- such contact of the same customer about the same topic within 7 days; censored at
-- the end of the sample's data, so contacts whose window is still open are left out.
-- Days are counted in the business's time zone, as the tour does.
SET TimeZone = 'Europe/Berlin';
\echo
\echo '-- First-contact resolution by channel (7-day window, censored at the data''s end) --'
WITH scored AS (
    SELECT channel,
           repeat_contact(at, '7 days') OVER w AS is_repeat,
           fcr(at, '7 days', timestamptz '2026-11-30 00:00+01') OVER w AS resolved
    FROM interactions
    WHERE direction = 'inbound' AND NOT transferred
    WINDOW w AS (PARTITION BY customer_id, topic ORDER BY at)
), by_channel AS (
    SELECT channel, count(*) AS first_contacts, count(resolved) AS decided,
           round(100 * avg(resolved::int), 1) AS fcr_pct
    FROM scored WHERE NOT is_repeat
    GROUP BY ROLLUP (channel)
)
SELECT coalesce(channel::text, 'all channels') AS channel, first_contacts,
       first_contacts - decided AS "still open", fcr_pct AS "FCR %",
       repeat('█', round(fcr_pct / 2)::int) AS " "
FROM by_channel
ORDER BY by_channel.channel NULLS LAST;

\echo '-- The same rate by topic, and what counting outbound contacts would do to it --'
WITH scored AS (
    SELECT topic, direction, transferred,
           repeat_contact(at, '7 days') OVER w AS is_repeat,
           fcr(at, '7 days', timestamptz '2026-11-30 00:00+01') OVER w AS resolved
    FROM interactions
    WHERE direction = 'inbound' AND NOT transferred
    WINDOW w AS (PARTITION BY customer_id, topic ORDER BY at)
), naive AS (
    SELECT topic,
           repeat_contact(at, '7 days') OVER w AS is_repeat,
           fcr(at, '7 days', timestamptz '2026-11-30 00:00+01') OVER w AS resolved
    FROM interactions
    WINDOW w AS (PARTITION BY customer_id, topic ORDER BY at)
)
SELECT coalesce(s.topic, 'all topics') AS topic, s.first_contacts, s.fcr_pct AS "FCR %",
       n.fcr_pct AS "FCR % counting every contact",
       repeat('█', round(s.fcr_pct / 2)::int) AS " "
FROM (SELECT topic, count(*) AS first_contacts, round(100 * avg(resolved::int), 1) AS fcr_pct
      FROM scored WHERE NOT is_repeat GROUP BY ROLLUP (topic)) s
JOIN (SELECT topic, round(100 * avg(resolved::int), 1) AS fcr_pct
      FROM naive WHERE NOT is_repeat GROUP BY ROLLUP (topic)) n
  ON n.topic IS NOT DISTINCT FROM s.topic
ORDER BY s.topic NULLS LAST;
