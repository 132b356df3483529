-- test/demo/75_hours.sql: service levels in business hours.
--
-- The support team works Monday to Friday 08:00-18:00 and Saturday 09:00-13:00,
-- Berlin time, closed on 3 October.  The sample's tickets (e-mail, social media,
-- messaging) have their first response times.  The report measures the promise
-- "first response within 4 business hours" (1 hour for critical tickets) by channel,
-- shows how far working time and wall-clock time part, and lists the tickets most at
-- risk at 16:00 on the busiest day, each with its SLA due time.
\set QUIET on
CREATE TEMP TABLE support_team AS
SELECT 'mon-fri 08:00-18:00; sat 09:00-13:00; tz Europe/Berlin; closed 2026-10-03'::business_hours AS hours;

CREATE TEMP VIEW support_ticket AS
SELECT t.id, t.channel, i.urgency, t.created_at, t.first_response_at,
       CASE WHEN i.urgency = 'critical' THEN interval '1 hour' ELSE interval '4 hours' END AS target
FROM tickets t JOIN interactions i ON i.id = t.interaction_id;
\set QUIET off

\echo
\echo '-- Service levels: first response within 4 business hours -------------------'
\echo '   (the business clock stands still outside the hours: a ticket written at night and'
\echo '    answered the next morning used little business time)'
SELECT hours AS "team hours" FROM support_team;
SELECT channel, count(*) AS tickets,
       round(100.0 * count(*) FILTER (WHERE business_time(hours, created_at, first_response_at) <= target)
             / count(*), 1) AS "% within 4 bh",
       to_char(percentile_disc(0.5) WITHIN GROUP (ORDER BY business_time(hours, created_at, first_response_at)),
               'HH24:MI') AS "median business",
       to_char(percentile_disc(0.5) WITHIN GROUP (ORDER BY first_response_at - created_at), 'DD"d "HH24:MI')
           AS "median wall-clock"
FROM support_ticket, support_team
WHERE first_response_at IS NOT NULL
GROUP BY channel ORDER BY count(*) DESC;

\set QUIET on
SELECT date_trunc('day', created_at, 'Europe/Berlin') + interval '16 hours' AS now
FROM support_ticket GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \gset
\set QUIET off
\echo '-- Breach risk at' :now ': unanswered tickets, least working time left first --'
\echo '   due = business_add(hours, created, target); target 1 h for critical, else 4 h'
SELECT id, channel, urgency, to_char(created_at AT TIME ZONE 'Europe/Berlin', 'Dy HH24:MI') AS created,
       to_char(due AT TIME ZONE 'Europe/Berlin', 'Dy HH24:MI') AS due,
       date_trunc('minute', business_time(hours, :'now', due)) AS left,
       CASE WHEN due <= :'now'::timestamptz THEN 'BREACHED'
            WHEN business_time(hours, :'now', due) < '1 hour' THEN 'at risk' ELSE 'ok' END AS status
FROM (SELECT t.*, s.hours, business_add(s.hours, t.created_at, t.target) AS due
      FROM support_ticket t, support_team s
      WHERE t.created_at <= :'now' AND coalesce(t.first_response_at > :'now', true)) q
ORDER BY routing_priority_deadline(due) DESC
LIMIT 10;

\echo '-- The open queue, by status (ORDER BY routing_priority_deadline(due) DESC) ---'
SELECT status, count(*) AS tickets
FROM (SELECT CASE WHEN due <= :'now'::timestamptz THEN 'breached'
                  WHEN business_time(hours, :'now', due) < '1 hour' THEN 'at risk' ELSE 'ok' END AS status
      FROM (SELECT s.hours, business_add(s.hours, t.created_at, t.target) AS due
            FROM support_ticket t, support_team s
            WHERE t.created_at <= :'now' AND coalesce(t.first_response_at > :'now', true)) q) r
GROUP BY status ORDER BY min(CASE status WHEN 'breached' THEN 0 WHEN 'at risk' THEN 1 ELSE 2 END);
