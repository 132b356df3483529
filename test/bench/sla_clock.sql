-- SLA clocks: each ticket's elapsed working time, ticket_clock over 1M status
-- changes of 100k tickets against the SQL a user writes instead (lag() over
-- each ticket's changes, then business_time for each stretch whose status
-- runs the clock, summed per ticket); both give the same total (checked by
-- hand: 7618963:13:01.765277).
-- The statuses at one instant are ordered as ticket_clock orders them (one that
-- stops last, then one that pauses), so the two agree on ties too.  Then the
-- same 1M changes as 100 tickets of 10,000 against 100k tickets of 10, both
-- read in (ticket, at) order so that the plans are the same (with 100 groups
-- the planner would otherwise hash): a cost that grows linearly with a
-- ticket's events gives a ratio near 1.  (Changes that come out of time order
-- are sorted per ticket by the final function, n log n in a ticket's changes.)
-- setup
DROP TABLE IF EXISTS bench_sla, bench_sla_long;
SELECT setseed(0.23);
CREATE TABLE bench_sla AS
SELECT t AS ticket,
       timestamptz '2026-01-05 00:00+00' + (t % 300) * interval '1 day' + random() * interval '30 days' AS at,
       (ARRAY['new', 'open', 'open', 'pending', 'on_hold', 'open', 'solved', 'closed', 'escalated'])[1 + floor(random() * 9)::int] AS status
FROM generate_series(1, 100000) t, generate_series(1, 10) k;
CREATE TABLE bench_sla_long AS
SELECT ticket % 100 AS ticket, at + (ticket % 1000) * interval '1 day' AS at, status FROM bench_sla;
-- the index a table of status changes has for reports: a ticket's changes in
-- time order, with the status (so both sides read the index only)
CREATE INDEX ON bench_sla (ticket, at) INCLUDE (status);
CREATE INDEX ON bench_sla_long (ticket, at) INCLUDE (status);
VACUUM ANALYZE bench_sla, bench_sla_long;
-- runs: 5
-- bench: ticket_clock, 1M changes of 100k tickets, vs lag() + business_time | target <= 0.333
-- ours
SELECT sum(elapsed(c)) FROM (
  SELECT ticket_clock(at, status, 'mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-04-03, 2026-04-06, 2026-05-01, 2026-05-14, 2026-05-25, 2026-10-03, 2026-12-24, 2026-12-25, 2026-12-26') AS c
  FROM bench_sla GROUP BY ticket) s;
-- theirs
SELECT sum(e) FROM (
  SELECT ticket, sum(business_time('mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-04-03, 2026-04-06, 2026-05-01, 2026-05-14, 2026-05-25, 2026-10-03, 2026-12-24, 2026-12-25, 2026-12-26', prev_at, at)) AS e
  FROM (SELECT ticket, at, lag(at) OVER w AS prev_at, lag(status) OVER w AS prev_status
        FROM bench_sla
        WINDOW w AS (PARTITION BY ticket ORDER BY at, CASE WHEN status IN ('solved', 'closed') THEN 2
                                                           WHEN status IN ('pending', 'on_hold') THEN 1 ELSE 0 END)) s
  WHERE prev_status NOT IN ('pending', 'on_hold', 'solved', 'closed')
  GROUP BY ticket) t;
-- bench: ticket_clock, 1M changes as 100 tickets of 10,000 vs 100k of 10 | target <= 1.5
-- ours
SELECT sum(elapsed(c)) FROM (
  SELECT ticket_clock(at, status, 'mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-04-03, 2026-04-06, 2026-05-01, 2026-05-14, 2026-05-25, 2026-10-03, 2026-12-24, 2026-12-25, 2026-12-26') AS c
  FROM (SELECT * FROM bench_sla_long ORDER BY ticket, at) e GROUP BY ticket) s;
-- theirs
SELECT sum(elapsed(c)) FROM (
  SELECT ticket_clock(at, status, 'mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-04-03, 2026-04-06, 2026-05-01, 2026-05-14, 2026-05-25, 2026-10-03, 2026-12-24, 2026-12-25, 2026-12-26') AS c
  FROM (SELECT * FROM bench_sla ORDER BY ticket, at) e GROUP BY ticket) s;
