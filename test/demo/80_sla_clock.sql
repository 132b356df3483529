-- test/demo/80_sla_clock.sql: SLA clocks that pause while a ticket waits on the customer.
--
-- Each inbound support or complaint contact opens a ticket for the team of its
-- topic; each team works in its own time zone and hours.  The ticket's status
-- history is generated here (the data set has none): new, open, often pending
-- while the customer is asked for something, open again, solved; some customers
-- reopen.  The report measures the resolution SLA (by urgency) in each team's
-- working time with the clock paused while pending, how many tickets breach by
-- team, and how much working time the tickets lost waiting on the customer.
\set QUIET on
SELECT setseed(0.8) \g /dev/null
CREATE TEMP TABLE sla_team (team text PRIMARY KEY, hours business_hours);
INSERT INTO sla_team VALUES
  ('billing', 'mon-fri 08:00-18:00; tz Europe/Berlin; closed 2026-05-01, 2026-05-14, 2026-05-25, 2026-10-03'),
  ('technical', 'mon-fri 09:00-17:00; sat 10:00-14:00; tz America/New_York; closed 2026-05-25, 2026-07-03, 2026-09-07'),
  ('service', '24/7; tz UTC');
CREATE TEMP TABLE sla_resolution_target (urgency interaction_urgency PRIMARY KEY, target interval);
INSERT INTO sla_resolution_target VALUES ('critical', '8 hours'), ('planned', '24 hours'), ('stabilizing', '40 hours');

CREATE TEMP TABLE sla_ticket AS
SELECT i.id, i.urgency, i.at AS created_at,
       CASE i.topic WHEN 'billing' THEN 'billing' WHEN 'technical' THEN 'technical' ELSE 'service' END AS team,
       random() AS r1, random() AS r2, random() AS r3
FROM interactions i
WHERE i.direction = 'inbound' AND i.kind IN ('support', 'complaint') AND NOT is_automated(i.channel);

-- status changes: opened within hours, a pending stretch for two tickets in three,
-- solved a day or two later, reopened for one in eight
CREATE TEMP TABLE sla_event AS
WITH t AS (
  SELECT id, created_at,
         created_at + r1 * interval '6 hours' AS opened,
         created_at + r1 * interval '6 hours' + random() * interval '10 hours' AS asked,
         random() * interval '3 days' AS waited,
         r2 < 0.66 AS pends, r3 < 0.125 AS reopens
  FROM sla_ticket)
SELECT id AS ticket, created_at AS at, 'new' AS status FROM t
UNION ALL SELECT id, opened, 'open' FROM t
UNION ALL SELECT id, asked, 'pending' FROM t WHERE pends
UNION ALL SELECT id, asked + waited, 'open' FROM t WHERE pends
UNION ALL SELECT id, asked + CASE WHEN pends THEN waited ELSE interval '0' END + random() * interval '30 hours', 'solved' FROM t
UNION ALL SELECT id, asked + interval '4 days' + random() * interval '2 days', 'open' FROM t WHERE reopens
UNION ALL SELECT id, asked + interval '6 days' + random() * interval '1 day', 'solved' FROM t WHERE reopens;

CREATE TEMP TABLE sla_clock_of AS
SELECT t.id, t.team, t.urgency, g.target,
       ticket_clock(e.at, e.status, s.hours) AS clock,
       ticket_clock(e.at, e.status, s.hours, '{new,open}') AS pending_clock
FROM sla_ticket t JOIN sla_event e ON e.ticket = t.id JOIN sla_team s USING (team)
JOIN sla_resolution_target g USING (urgency)
GROUP BY t.id, t.team, t.urgency, g.target;
\set QUIET off

\echo
\echo '-- SLA clocks: resolution in working time, paused while pending ----------------'
\echo '   (targets: critical 8 h, planned 24 h, stabilizing 40 h of the team''s hours)'
SELECT team, hours FROM sla_team ORDER BY team;
SELECT team, count(*) AS tickets,
       count(*) FILTER (WHERE breached(clock, target)) AS breached,
       round(100.0 * count(*) FILTER (WHERE breached(clock, target)) / count(*), 1) AS "% breached",
       to_char(percentile_disc(0.5) WITHIN GROUP (ORDER BY elapsed(clock)), 'HH24:MI') AS "median worked",
       to_char(sum(elapsed(pending_clock)) / count(*), 'HH24:MI') AS "pending per ticket",
       round(100.0 * extract(epoch FROM sum(elapsed(pending_clock)))
             / nullif(extract(epoch FROM sum(elapsed(clock) + elapsed(pending_clock))), 0), 1)
           AS "% of time lost to pending"
FROM sla_clock_of GROUP BY team ORDER BY team;

\echo '-- Breaches by team and urgency (a clock paused while pending breaches less) ----'
SELECT team, urgency::text, count(*) AS tickets,
       count(*) FILTER (WHERE breached(clock, target)) AS "breached (paused)",
       count(*) FILTER (WHERE elapsed(clock) + elapsed(pending_clock) > target) AS "breached if never paused"
FROM sla_clock_of GROUP BY team, urgency ORDER BY team, urgency;
