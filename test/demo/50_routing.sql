-- test/demo/50_routing.sql: a contact-centre queue ordered by routing_priority.
--
-- "Now" is 18:00 UTC on the busiest day of the data set; the inbound contacts of the
-- twelve hours before that need a person and wait in a queue: critical ones in
-- tier 1, the rest in tier 0; complaints carry level 4, support requests level 2,
-- inquiries level 1, each level worth 15 minutes of waiting.  The report shows the
-- queue and the next ten tasks in routing order, with why they rank there.
\set QUIET on
SELECT date_trunc('day', at, 'UTC') + interval '18 hours' AS now
FROM interactions WHERE direction = 'inbound' AND NOT is_automated(channel)
GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1 \gset

CREATE TEMP TABLE routing_queue (
    id          bigint PRIMARY KEY,
    channel     interaction_channel NOT NULL,
    kind        interaction_kind NOT NULL,
    urgency     interaction_urgency NOT NULL,
    topic       text,
    priority    routing_priority NOT NULL
);
INSERT INTO routing_queue
SELECT id, channel, kind, urgency, topic,
       routing_priority(CASE kind WHEN 'complaint' THEN 4 WHEN 'support' THEN 2
                                  WHEN 'inquiry' THEN 1 ELSE 0 END,
                        at, '15 minutes',
                        CASE WHEN urgency = 'critical' THEN 1 ELSE 0 END)
FROM interactions
WHERE direction = 'inbound' AND NOT is_automated(channel)
  AND at > :'now'::timestamptz - interval '12 hours' AND at <= :'now'::timestamptz;
CREATE INDEX ON routing_queue (priority);
ANALYZE routing_queue;
\set QUIET off

\echo
\echo '-- Queue at' :now ': inbound contacts of the last 12 hours, by tier --------'
\echo '   tier 1 = critical; level: complaint 4, support 2, inquiry 1; 1 level = 15 min'
SELECT tier(priority) AS tier, count(*) AS waiting,
       date_trunc('second', max(wait(priority, :'now'))) AS longest_wait,
       round(avg(level(priority)), 1) AS avg_level
FROM routing_queue GROUP BY 1 ORDER BY 1 DESC;

\echo '-- Next ten tasks, in routing order (ORDER BY priority DESC) ----------------'
\echo '   effective = waited + head start (level x 15 min); fifo # = place by arrival alone'
SELECT "#", fifo AS "fifo #", id, channel, kind, urgency, waited, head_start, effective,
       CASE WHEN tier > 0 THEN 'critical: tier 1 goes before all of tier 0'
            WHEN head_start > '0' THEN format('%s, level %s: head start of %s', kind, level, head_start)
            ELSE 'no level: ranks by its waiting time alone' END AS why
FROM (SELECT row_number() OVER (ORDER BY priority DESC) AS "#",
             rank() OVER (ORDER BY enqueued_at(priority)) AS fifo,
             id, channel, kind, urgency, tier(priority) AS tier, level(priority) AS level,
             to_char(wait(priority, :'now'), 'HH24:MI') AS waited,
             to_char(enqueued_at(priority) - virtual_arrival(priority), 'HH24:MI') AS head_start,
             to_char(:'now'::timestamptz - virtual_arrival(priority), 'HH24:MI') AS effective
      FROM routing_queue) AS q
WHERE "#" <= 10
ORDER BY "#";

\echo '-- A worker pops the head of the queue: one index scan ----------------------'
EXPLAIN (COSTS OFF)
DELETE FROM routing_queue
WHERE id = (SELECT id FROM routing_queue ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id;
\set QUIET on
DELETE FROM routing_queue
WHERE id = (SELECT id FROM routing_queue ORDER BY priority DESC LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id AS popped, kind, urgency, to_char(wait(priority, :'now'), 'HH24:MI') AS waited;
\set QUIET off
