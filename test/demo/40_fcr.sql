-- test/demo/40_fcr.sql: first-contact resolution rate by channel.
-- Inbound contacts, a repeat being another inbound contact of the same customer about
-- the same topic within 7 days; censored at the end of the data, so contacts of the
-- last 7 days (whose repeat window is still open) are not counted as resolved.
\echo
\echo '-- First-contact resolution by channel (7-day window, censored at the data''s end) --'
WITH inbound AS (
    SELECT customer_id, topic, channel, at
    FROM interactions
    WHERE direction = 'inbound'
), scored AS (
    SELECT channel,
           repeat_contact(at, '7 days') OVER w AS is_repeat,
           fcr(at, '7 days', (SELECT max(at) FROM interactions)) OVER w AS resolved
    FROM inbound
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
