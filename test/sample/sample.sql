-- test/sample/sample.sql: the sample data set of a contact centre (make sample,
-- make demo, the README tour).  Run with psql -1 (one transaction) in the database
-- that should hold it; test/sample/load does so.
--
-- Six months (Monday 2026-06-01 to Sunday 2026-11-29, Europe/Berlin) of a company
-- that sells online and serves its customers by phone, chat, a chatbot, e-mail,
-- messaging, social media and web forms:
--   customers       8,000 customers
--   agents          30 agents with skills (skillset)
--   interactions    every contact, inbound and outbound, with topic, kind, urgency,
--                   the agent or bot that took it, and survey answers (NPS, CSAT, CES)
--   calls           the phone line's call log: offered, answered or abandoned, wait,
--                   talk, hold and after-call work
--   staffing        agents logged in on the phone line per half hour
--   tickets         written cases (e-mail, web, social, messaging): created, first
--                   response, resolved, current status
--   ticket_events   each ticket's status changes (new, open, pending, on_hold,
--                   solved, reopened)
--   touchpoints     marketing and service touchpoints with journey stage and channel
--   events          product events of web users (visit, view_pricing, signup, purchase)
--   live_queue      the contacts waiting at 10:30 on Friday 2026-11-27
--   sample_info     what was loaded, and a fingerprint of every table
--
-- Deterministic: every random choice is a hash of a row number (hashint8extended),
-- never random(), so the same PostgreSQL gives the same rows on every load.
-- The story in it: contacts follow the hour of day and the weekday; scores differ by
-- kind, topic, channel, agent and week; a billing-system change in September makes
-- billing contacts fail and NPS dip for three weeks, recovering by mid-October; FCR
-- differs by channel and topic; the phone line peaks on Monday mornings and needs
-- more than ten agents then; callers hang up after three minutes on average.
--
-- The load refuses to run when a table of these names exists with other contents,
-- and does nothing when the same sample is already there.

\set ON_ERROR_STOP on
SET client_min_messages = warning;
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';
SET extra_float_digits = 1;
SET jit = off;                      -- compiling these one-off statements costs more than it saves

CREATE EXTENSION IF NOT EXISTS interaction;

-- uniform [0, 1) from a row number and a salt
CREATE FUNCTION pg_temp.u(i bigint, salt bigint) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (hashint8extended(i, salt) & 4294967295)::float8 / 4294967296 $$;

-- fingerprint of a table: row count and an order-free hash of the rows' text
CREATE FUNCTION pg_temp.fingerprint(t regclass) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
	EXECUTE pg_catalog.format('SELECT count(*) || '':'' || coalesce(sum(hashtextextended(x::text, 0)), 0) FROM %s x', t)
	INTO r;
	RETURN r;
END $$;

-- Is the sample already here, or is something else in the way?
SELECT count(*) > 0 AS sample_tables_present,
       coalesce(bool_or(c.relname = 'sample_info'), false) AS sample_info_present
FROM pg_class c
WHERE c.relnamespace = current_schema()::regnamespace
  AND c.relname IN ('customers', 'agents', 'interactions', 'calls', 'staffing', 'tickets',
                    'ticket_events', 'touchpoints', 'events', 'live_queue', 'sample_info') \gset
\if :sample_info_present
DO $$
DECLARE t text; want text; got text;
BEGIN
	FOR t, want IN SELECT name, value FROM sample_info WHERE name <> 'version' LOOP
		IF to_regclass(t) IS NULL THEN
			RAISE EXCEPTION 'the sample is partly there: table % is missing', t
				USING HINT = 'Drop the sample''s tables (see sample_info) and load it again.';
		END IF;
		got := pg_temp.fingerprint(t::regclass);
		IF got IS DISTINCT FROM want THEN
			RAISE EXCEPTION 'table % exists but its contents are not the sample''s', t
				USING HINT = 'The sample touches nothing it did not create: load it into another database or schema, or drop the sample''s tables first.';
		END IF;
	END LOOP;
END $$;
\echo the sample data set is already loaded here (every table as loaded); nothing to do
\quit
\elif :sample_tables_present
DO $$
DECLARE t text;
BEGIN
	SELECT string_agg(relname, ', ' ORDER BY relname) INTO t FROM pg_class
	WHERE relnamespace = current_schema()::regnamespace
	  AND relname IN ('customers', 'agents', 'interactions', 'calls', 'staffing', 'tickets',
	                  'ticket_events', 'touchpoints', 'events', 'live_queue');
	RAISE EXCEPTION 'cannot load the sample into schema %: table(s) % already exist and are not the sample''s', current_schema(), t
		USING HINT = 'The sample touches nothing it did not create: load it into another database (PGDATABASE) or drop those tables first.';
END $$;
\endif

-- ---- customers and agents --------------------------------------------------------
CREATE TABLE customers (
    customer_id int PRIMARY KEY,
    segment     text NOT NULL,
    country     text NOT NULL,
    first_seen  timestamptz NOT NULL
);
INSERT INTO customers
SELECT c,
       CASE WHEN pg_temp.u(c, 101) < 0.6 THEN 'basic' WHEN pg_temp.u(c, 101) < 0.9 THEN 'plus' ELSE 'enterprise' END,
       (ARRAY['DE', 'DE', 'DE', 'AT', 'CH', 'NL', 'FR'])[1 + floor(7 * pg_temp.u(c, 102))::int],
       timestamptz '2026-06-01 00:00+02' + pg_temp.u(c, 103) * interval '160 days'
FROM generate_series(1, 8000) c;

CREATE TABLE agents (
    agent   text PRIMARY KEY,
    team    text NOT NULL,
    started date NOT NULL,
    skills  skillset NOT NULL
);
-- agent quality (-1 .. 1) drives resolution and scores; agents 01-24 take calls
CREATE TEMP TABLE agent_q AS
SELECT a, 'agent_' || lpad(a::text, 2, '0') AS agent,
       2 * pg_temp.u(a, 201) - 1 AS q
FROM generate_series(1, 30) a;
ANALYZE agent_q;
INSERT INTO agents
SELECT agent, CASE WHEN a <= 24 THEN 'phone' ELSE 'digital' END,
       date '2019-01-01' + floor(pg_temp.u(a, 202) * 2600)::int,
       skillset(ARRAY['billing', 'delivery', 'account', 'technical', 'returns', 'german', 'english']
                || CASE WHEN pg_temp.u(a, 217) < 0.3 THEN ARRAY['french'] ELSE '{}' END,
                ARRAY[1 + floor(10 * pg_temp.u(a, 211))::int, 1 + floor(10 * pg_temp.u(a, 212))::int,
                      1 + floor(10 * pg_temp.u(a, 213))::int, 1 + floor(10 * pg_temp.u(a, 214))::int,
                      1 + floor(10 * pg_temp.u(a, 215))::int, 10, 4 + floor(7 * pg_temp.u(a, 216))::int]
                || CASE WHEN pg_temp.u(a, 217) < 0.3 THEN ARRAY[3 + floor(7 * pg_temp.u(a, 218))::int] ELSE '{}' END)
FROM agent_q;

-- ---- interactions ------------------------------------------------------------------
-- Issues arrive per hour: a base rate times the hour of day and the weekday (Berlin
-- time); each issue is one or more inbound contacts (a repeat follows when the
-- previous contact did not resolve it), a bot contact may be handed to a person, and
-- some issues get an outbound follow-up.
CREATE TEMP TABLE issue_slot AS
SELECT h, s AS slot,
       floor(10.5 * (ARRAY[0.15, 0.1, 0.08, 0.07, 0.08, 0.15, 0.35, 0.8, 1.6, 2.2, 2.4, 2.2,
                          1.8, 1.9, 2.1, 1.9, 1.6, 1.3, 1.0, 0.9, 0.8, 0.6, 0.4, 0.25])
                          [1 + extract(hour FROM s AT TIME ZONE 'Europe/Berlin')::int]
                    * (ARRAY[1.3, 1.1, 1.0, 1.0, 0.9, 0.5, 0.35])
                          [extract(isodow FROM s AT TIME ZONE 'Europe/Berlin')::int]
                    * (0.85 + 0.3 * pg_temp.u(h, 1))
                    + pg_temp.u(h, 2))::int AS n
FROM generate_series(0, 182 * 24 - 1) h,
     LATERAL (SELECT timestamptz '2026-06-01 00:00+02' + h * interval '1 hour' AS s) x;

CREATE TEMP TABLE issue AS
WITH i AS (
    SELECT row_number() OVER (ORDER BY h, g) AS id, slot
    FROM issue_slot, generate_series(1, n) g
), a AS (
    SELECT i.id, i.slot + pg_temp.u(i.id, 1) * interval '1 hour' AS at0,
           1 + floor(8000 * pg_temp.u(i.id, 2) ^ 1.3)::int AS customer_id,
           CASE WHEN r.t < 0.28 THEN 'billing' WHEN r.t < 0.50 THEN 'delivery' WHEN r.t < 0.68 THEN 'account'
                WHEN r.t < 0.90 THEN 'technical' ELSE 'returns' END AS topic,
           CASE WHEN r.k < 0.15 THEN 'complaint' WHEN r.k < 0.55 THEN 'support' WHEN r.k < 0.85 THEN 'inquiry'
                WHEN r.k < 0.93 THEN 'feedback' ELSE 'compliment' END::interaction_kind AS kind,
           CASE WHEN r.g < 0.07 THEN 'critical' WHEN r.g < 0.27 THEN 'planned'
                ELSE 'stabilizing' END::interaction_urgency AS urgency,
           CASE WHEN r.c < 0.34 THEN 'phone' WHEN r.c < 0.50 THEN 'chat' WHEN r.c < 0.62 THEN 'chatbot'
                WHEN r.c < 0.77 THEN 'email' WHEN r.c < 0.84 THEN 'messaging' WHEN r.c < 0.88 THEN 'social'
                WHEN r.c < 0.94 THEN 'web' WHEN r.c < 0.97 THEN 'ivr' WHEN r.c < 0.99 THEN 'video'
                ELSE 'in_person' END::interaction_channel AS channel1,
           1 + floor(30 * pg_temp.u(i.id, 7))::int AS agent1
    FROM i, LATERAL (SELECT pg_temp.u(i.id, 3) AS t, pg_temp.u(i.id, 4) AS k,
                            pg_temp.u(i.id, 5) AS g, pg_temp.u(i.id, 6) AS c) r
), b AS (
    SELECT a.*,
           -- the billing-system change: full effect 7-27 September, gone by 19 October
           CASE WHEN a.at0 < '2026-09-07 00:00+02' THEN 0.0
                WHEN a.at0 < '2026-09-28 00:00+02' THEN 1.0
                WHEN a.at0 < '2026-10-19 00:00+02'
                     THEN extract(epoch FROM timestamptz '2026-10-19 00:00+02' - a.at0) / (21 * 86400)
                ELSE 0.0 END AS dip,
           is_automated(a.channel1) AND pg_temp.u(a.id, 8) < 0.5 AS transferred
    FROM a
), c AS (
    SELECT b.*, q.q,
           CASE WHEN b.transferred THEN (CASE b.channel1 WHEN 'ivr' THEN 'phone' ELSE 'chat' END)::interaction_channel
                ELSE b.channel1 END AS channel2,
           least(0.95, greatest(0.05,
               CASE CASE WHEN b.transferred THEN (CASE b.channel1 WHEN 'ivr' THEN 'phone' ELSE 'chat' END)::interaction_channel
                         ELSE b.channel1 END
                    WHEN 'phone' THEN 0.80 WHEN 'chat' THEN 0.75 WHEN 'video' THEN 0.82 WHEN 'in_person' THEN 0.88
                    WHEN 'email' THEN 0.62 WHEN 'messaging' THEN 0.68 WHEN 'social' THEN 0.52 WHEN 'web' THEN 0.57
                    WHEN 'chatbot' THEN 0.50 ELSE 0.42 END
               + CASE b.topic WHEN 'billing' THEN -0.04 - 0.30 * b.dip WHEN 'delivery' THEN -0.08
                              WHEN 'account' THEN 0.06 WHEN 'technical' THEN -0.13 ELSE 0.04 END
               + 0.08 * q.q)) AS p
    FROM b JOIN agent_q q ON q.a = b.agent1
)
SELECT c.*,
       CASE WHEN pg_temp.u(c.id, 9) < c.p THEN 1 WHEN pg_temp.u(c.id, 10) < c.p + 0.15 THEN 2 ELSE 3 END AS contacts
FROM c;

CREATE TABLE interactions (
    id           bigint PRIMARY KEY,
    customer_id  int NOT NULL,
    at           timestamptz NOT NULL,
    channel      interaction_channel NOT NULL,
    direction    interaction_direction NOT NULL,
    kind         interaction_kind NOT NULL,
    urgency      interaction_urgency NOT NULL,
    topic        text NOT NULL,
    agent        text,                     -- NULL when a bot or the IVR took the contact
    transferred  boolean NOT NULL,          -- a bot contact handed on to a person (the next row)
    subject      text NOT NULL,
    nps_score    int CHECK (nps_score BETWEEN 0 AND 10),
    csat_score   int CHECK (csat_score BETWEEN 1 AND 5),
    ces_score    int CHECK (ces_score BETWEEN 1 AND 7)
);

INSERT INTO interactions
WITH rows AS (
    -- k = 0: the bot part of a handed-on contact; 1: the first contact (with a person
    -- when handed on); 2, 3: repeats, 1 to 8 days apart; 9: an outbound follow-up
    SELECT i.*, k,
           CASE WHEN k = 0 THEN i.channel1
                WHEN k = 1 THEN i.channel2
                WHEN k = 9 THEN (CASE WHEN pg_temp.u(i.id, 30) < 0.7 THEN 'phone' ELSE 'email' END)::interaction_channel
                WHEN pg_temp.u(i.id, 20 + k) < 0.6 THEN i.channel2
                ELSE 'phone' END AS channel,
           CASE WHEN k = 0 THEN i.at0
                WHEN k = 1 THEN i.at0 + CASE WHEN i.transferred THEN (2 + 6 * pg_temp.u(i.id, 11)) * interval '1 minute' ELSE '0' END
                WHEN k = 9 THEN i.at0 + interval '1 day' + pg_temp.u(i.id, 31) * interval '2 days'
                ELSE i.at0 + (k - 1) * ((1 + floor(8 * pg_temp.u(i.id, 12))) * interval '1 day'
                                         + (pg_temp.u(i.id, 13) - 0.5) * interval '3 hours') END AS at
    FROM issue i,
         LATERAL generate_series(CASE WHEN i.transferred THEN 0 ELSE 1 END, i.contacts) k0(k0),
         LATERAL (SELECT k0 AS k UNION ALL SELECT 9 WHERE k0 = i.contacts AND pg_temp.u(i.id, 32) < 0.10) kk
), numbered AS (
    SELECT row_number() OVER (ORDER BY at, id, k) AS rid, r.*,
           CASE WHEN is_automated(r.channel) THEN NULL
                WHEN k = 1 THEN r.agent1
                ELSE 1 + floor(30 * pg_temp.u(r.id, 40 + k))::int END AS agent_no,
           k = greatest(r.contacts, 1) AS last_inbound
    FROM rows r
    WHERE r.at < '2026-11-30 00:00+01'
), scored AS (
    SELECT n.*, coalesce(q.q, -0.3) AS aq,
           -- the expected 0-10 score of this contact: channel, topic, kind, agent,
           -- resolution and the September dip
           8.3 + CASE n.channel WHEN 'phone' THEN 0.3 WHEN 'chat' THEN 0.2 WHEN 'video' THEN 0.4
                     WHEN 'in_person' THEN 0.6 WHEN 'email' THEN -0.4 WHEN 'messaging' THEN 0.0
                     WHEN 'social' THEN -0.8 WHEN 'web' THEN -0.5 WHEN 'chatbot' THEN -1.2 ELSE -1.8 END
               + CASE n.topic WHEN 'billing' THEN -0.5 - 2.2 * n.dip WHEN 'delivery' THEN -0.4 - 0.5 * n.dip
                     WHEN 'account' THEN 0.3 - 0.5 * n.dip WHEN 'technical' THEN -0.6 - 0.5 * n.dip
                     ELSE 0.2 - 0.5 * n.dip END
               + CASE n.kind WHEN 'complaint' THEN -2.4 WHEN 'support' THEN -0.3 WHEN 'inquiry' THEN 0.3
                     WHEN 'feedback' THEN 0.0 ELSE 1.5 END
               + 1.1 * coalesce(q.q, -0.3)
               + CASE WHEN n.contacts = 1 THEN 0.5 ELSE -0.9 * (n.contacts - 1) END AS mu
    FROM numbered n LEFT JOIN agent_q q ON q.a = n.agent_no
)
SELECT s.rid, s.customer_id, s.at, s.channel,
       (CASE WHEN s.k = 9 THEN 'outbound' ELSE 'inbound' END)::interaction_direction,
       CASE WHEN s.k IN (2, 3) AND pg_temp.u(s.rid, 50) < 0.35 THEN 'complaint'::interaction_kind ELSE s.kind END,
       s.urgency, s.topic,
       CASE WHEN s.agent_no IS NOT NULL THEN 'agent_' || lpad(s.agent_no::text, 2, '0') END,
       s.k = 0,
       CASE WHEN s.k = 9 THEN format('Follow-up on your %s question', s.topic)
            ELSE (CASE s.urgency
                      WHEN 'critical' THEN (ARRAY['URGENT: ', 'asap - ', 'Emergency! ', '', 'Urgent '])[1 + s.id % 5]
                      WHEN 'stabilizing' THEN (ARRAY['', '', 'Not urgent: ', 'fyi ', '', 'Re: '])[1 + s.id % 6]
                      ELSE (ARRAY['', 'Re: ', ''])[1 + s.id % 3] END)
                 || format(CASE s.kind
                      WHEN 'inquiry' THEN (ARRAY['Question about my %s', 'how do i change the %s details?',
                          'What is the price of the %s add-on', 'need info on %s', 'When will the %s be ready??'])[1 + s.id % 5]
                      WHEN 'support' THEN (ARRAY['%s page not working', 'Error when I open %s', 'app crashes on the %s screen',
                          'can''t log in to see my %s', 'Help with %s please', '%s: sync is stuck'])[1 + s.id % 6]
                      WHEN 'complaint' THEN (ARRAY['Unacceptable %s experience', 'I want a refund - %s was wrong',
                          'overcharged on %s AGAIN', 'very disappointed with %s', 'still waiting on %s!!'])[1 + s.id % 5]
                      WHEN 'feedback' THEN (ARRAY['Suggestion for the %s page', 'Feedback on %s',
                          'idea: a simpler %s form', 'please improve %s emails'])[1 + s.id % 4]
                      ELSE (ARRAY['Thank you for your help with %s!', 'Great service on %s', 'kudos, %s sorted fast',
                          'Excellent %s support'])[1 + s.id % 4] END, s.topic)
                 || CASE s.urgency
                      WHEN 'critical' THEN (ARRAY['', ' - site is down', '', ' right now', ''])[1 + s.id / 7 % 5]
                      WHEN 'planned' THEN (ARRAY[' - meeting next week', ' (scheduled call)', ', before my renewal', ''])[1 + s.id / 7 % 4]
                      ELSE (ARRAY['', ' - no rush', '', '.', ' thanks'])[1 + s.id / 7 % 5] END END,
       -- NPS after the issue's last inbound contact (a third answer); CSAT and CES
       -- after contacts with a person or a bot (a quarter and a fifth answer)
       CASE WHEN s.last_inbound AND s.k <> 9 AND pg_temp.u(s.rid, 51) < 0.33 THEN
            least(10, greatest(0, round(s.mu + 2.4 * (pg_temp.u(s.rid, 52) + pg_temp.u(s.rid, 53) + pg_temp.u(s.rid, 54) - 1.5))))::int END,
       CASE WHEN s.k BETWEEN 1 AND 3 AND pg_temp.u(s.rid, 55) < 0.25 THEN
            least(5, greatest(1, round(1.2 + s.mu / 2.4 + 1.3 * (pg_temp.u(s.rid, 56) + pg_temp.u(s.rid, 57) - 1))))::int END,
       CASE WHEN s.k BETWEEN 1 AND 3 AND pg_temp.u(s.rid, 58) < 0.20 THEN
            least(7, greatest(1, round(s.mu * 0.75 - 0.5 * (s.k - 1) + 1.8 * (pg_temp.u(s.rid, 59) + pg_temp.u(s.rid, 60) - 1))))::int END
FROM scored s;
CREATE INDEX ON interactions (customer_id, at);
CREATE INDEX ON interactions (at);

-- ---- the phone line: staffing and calls ---------------------------------------------
-- Open Monday to Friday 08:00-20:00 and Saturday 09:00-14:00 (Berlin).  Calls per
-- half hour follow a double-peaked day and the weekday; the schedule was planned
-- with Erlang A on the forecast (a little short at lunch); the September change
-- brought more and longer billing calls than planned.
CREATE TEMP TABLE phone_slot AS
SELECT s, slot, dow, hh,
       (46 * (ARRAY[0.35, 0.55, 0.75, 0.9, 1.0, 1.0, 0.95, 0.85, 0.7, 0.65, 0.75, 0.8,
                    0.85, 0.85, 0.8, 0.75, 0.7, 0.62, 0.55, 0.48, 0.4, 0.35, 0.3, 0.25])[1 + (hh - 16)]
           * (ARRAY[1.15, 1.0, 0.95, 0.95, 0.85, 0.5, 0])[dow]) AS forecast
FROM (SELECT s, slot, extract(isodow FROM slot AT TIME ZONE 'Europe/Berlin')::int AS dow,
             (2 * extract(hour FROM slot AT TIME ZONE 'Europe/Berlin') + extract(minute FROM slot AT TIME ZONE 'Europe/Berlin') / 30)::int AS hh
      FROM generate_series(0, 182 * 48 - 1) s,
           LATERAL (SELECT timestamptz '2026-06-01 00:00+02' + s * interval '30 minutes' AS slot) x) y
WHERE (dow <= 5 AND hh BETWEEN 16 AND 39) OR (dow = 6 AND hh BETWEEN 18 AND 27);

CREATE TABLE staffing (
    slot    timestamptz PRIMARY KEY,   -- start of the half hour
    agents  int NOT NULL               -- agents logged in on the phone line
);
INSERT INTO staffing
SELECT slot, greatest(2, erlang_a_agents(forecast, '30 minutes', '355 seconds', 0.8, '20 seconds', '180 seconds')
                         - CASE WHEN hh BETWEEN 24 AND 26 THEN 1 ELSE 0 END)
FROM phone_slot;

CREATE TEMP TABLE call_raw AS
WITH n AS (
    SELECT p.*,
           CASE WHEN p.slot < '2026-09-07 00:00+02' THEN 0.0 WHEN p.slot < '2026-09-28 00:00+02' THEN 1.0
                WHEN p.slot < '2026-10-19 00:00+02'
                     THEN extract(epoch FROM timestamptz '2026-10-19 00:00+02' - p.slot) / (21 * 86400)
                ELSE 0.0 END AS dip
    FROM phone_slot p
), c AS (
    SELECT n.slot, n.s, n.dip, g,
           row_number() OVER (ORDER BY n.s, g) AS id
    FROM n, generate_series(1, floor(n.forecast * (1 + 0.15 * n.dip) * (0.85 + 0.3 * pg_temp.u(n.s, 301))
                                     + pg_temp.u(n.s, 302))::int) g
)
SELECT c.id, c.slot, c.slot + pg_temp.u(c.id, 1) * interval '30 minutes' AS at, c.dip,
       t.topic,
       (150 + 200 * (pg_temp.u(c.id, 3) + pg_temp.u(c.id, 4)) / 2 * 1.4
            * CASE t.topic WHEN 'technical' THEN 1.3 WHEN 'billing' THEN 1.0 + 0.3 * c.dip ELSE 1.0 END)
           * interval '1 second' AS talk,
       CASE WHEN pg_temp.u(c.id, 5) < 0.3 THEN (10 + 110 * pg_temp.u(c.id, 6) ^ 2) * interval '1 second'
            ELSE '0' END AS hold,
       (20 + 50 * pg_temp.u(c.id, 7)) * interval '1 second' AS acw
FROM c, LATERAL (SELECT CASE WHEN r < 0.30 + 0.15 * c.dip THEN 'billing' WHEN r < 0.50 THEN 'delivery'
                             WHEN r < 0.68 THEN 'account' WHEN r < 0.90 THEN 'technical' ELSE 'returns' END AS topic
                 FROM (SELECT pg_temp.u(c.id, 2) AS r) r) t;

ANALYZE call_raw;
CREATE TEMP TABLE call_slot AS
SELECT r.slot, count(*) AS calls, avg(r.talk + r.hold + r.acw) AS aht, st.agents,
       erlang_a_service_level(count(*), '30 minutes', avg(r.talk + r.hold + r.acw), st.agents, '20 seconds', '180 seconds') AS sl,
       erlang_a_abandon_rate(count(*), '30 minutes', avg(r.talk + r.hold + r.acw), st.agents, '180 seconds') AS ab
FROM call_raw r JOIN staffing st USING (slot)
GROUP BY r.slot, st.agents;
ANALYZE call_slot;

CREATE TABLE calls (
    id          bigint PRIMARY KEY,
    at          timestamptz NOT NULL,     -- offered: the caller joined the queue
    topic       text NOT NULL,            -- chosen in the IVR menu
    answered    boolean NOT NULL,
    abandoned   boolean NOT NULL,         -- hung up while waiting
    wait        interval NOT NULL,        -- until answered or abandoned
    talk        interval,
    hold        interval,
    acw         interval,                 -- after-call work
    handle_time interval,                 -- talk + hold + after-call work
    agent       text
);
INSERT INTO calls
SELECT r.id, r.at, r.topic, NOT o.gone, o.gone,
       CASE WHEN o.gone THEN (5 + 60 * -ln(1 - pg_temp.u(r.id, 8))) * interval '1 second'
            WHEN o.fast THEN (20 * pg_temp.u(r.id, 8) ^ 3) * interval '1 second'
            ELSE (20 + 45 * -ln(1 - pg_temp.u(r.id, 8))) * interval '1 second' END,
       CASE WHEN NOT o.gone THEN date_trunc('second', r.talk) END,
       CASE WHEN NOT o.gone THEN date_trunc('second', r.hold) END,
       CASE WHEN NOT o.gone THEN date_trunc('second', r.acw) END,
       CASE WHEN NOT o.gone THEN date_trunc('second', r.talk) + date_trunc('second', r.hold) + date_trunc('second', r.acw) END,
       CASE WHEN NOT o.gone THEN 'agent_' || lpad((1 + floor(24 * pg_temp.u(r.id, 9)))::int::text, 2, '0') END
FROM call_raw r JOIN call_slot s USING (slot),
     LATERAL (SELECT pg_temp.u(r.id, 10) < s.ab AS gone, pg_temp.u(r.id, 10) < s.ab + s.sl AS fast) o;
CREATE INDEX ON calls (at);

-- ---- tickets ---------------------------------------------------------------------------
-- Every inbound written contact taken by a person is a ticket.  Replies and
-- resolutions come in the support team's hours.
CREATE TEMP TABLE support_hours AS
SELECT 'mon-fri 08:00-18:00; sat 09:00-13:00; tz Europe/Berlin; closed 2026-10-03'::business_hours AS h;

CREATE TABLE tickets (
    id                bigint PRIMARY KEY,
    interaction_id    bigint NOT NULL,
    customer_id       int NOT NULL,
    channel           interaction_channel NOT NULL,
    topic             text NOT NULL,
    subject           text NOT NULL,
    agent             text,
    created_at        timestamptz NOT NULL,
    first_response_at timestamptz,
    resolved_at       timestamptz,
    status            text NOT NULL CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'reopened'))
);
CREATE TABLE ticket_events (
    ticket_id bigint NOT NULL,
    at        timestamptz NOT NULL,
    status    text NOT NULL CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'reopened')),
    PRIMARY KEY (ticket_id, at, status)
);

CREATE TEMP TABLE ticket_raw AS
SELECT row_number() OVER (ORDER BY i.id) AS id, i.id AS interaction_id, i.customer_id, i.channel, i.topic,
       i.subject, i.agent, i.urgency, i.at AS created_at,
       business_add(h.h, i.at, (CASE WHEN i.urgency = 'critical' THEN 1.0 ELSE 6.0 END)
                               * pg_temp.u(i.id, 401) ^ 2 * interval '1 hour') AS r1
FROM interactions i, support_hours h
WHERE i.direction = 'inbound' AND i.agent IS NOT NULL
  AND i.channel IN ('email', 'web', 'social', 'messaging');

CREATE TEMP TABLE ticket_path AS
SELECT t.*, p.pend, p.hold, p.reopen, w.t_pend, w.t_back, w.t_hold, w.t_unhold,
       business_add(h.h, greatest(w.t_back, w.t_unhold, t.r1), (1 + 5 * pg_temp.u(t.id, 403)) * interval '1 hour') AS t_solve
FROM ticket_raw t, support_hours h,
     LATERAL (SELECT pg_temp.u(t.id, 404) < 0.35 AS pend, pg_temp.u(t.id, 405) < 0.12 AS hold,
                     pg_temp.u(t.id, 406) < 0.08 AS reopen) p,
     -- pending: waiting for the customer (back a day later); on hold: waiting for
     -- another team (a day)
     LATERAL (SELECT CASE WHEN p.pend THEN business_add(h.h, t.r1, (0.5 + 3 * pg_temp.u(t.id, 402)) * interval '1 hour') END AS t_pend) w1,
     LATERAL (SELECT w1.t_pend, w1.t_pend + interval '1 day' AS t_back,
                     CASE WHEN p.hold THEN coalesce(w1.t_pend + interval '1 day', t.r1) + interval '2 hours' END AS t_hold,
                     CASE WHEN p.hold THEN coalesce(w1.t_pend + interval '1 day', t.r1) + interval '1 day 2 hours' END AS t_unhold) w;

INSERT INTO ticket_events
SELECT id, at, status FROM (
    SELECT id, created_at AS at, 'new' AS status FROM ticket_path
    UNION ALL SELECT id, r1, 'open' FROM ticket_path
    UNION ALL SELECT id, t_pend, 'pending' FROM ticket_path WHERE pend
    UNION ALL SELECT id, t_back, 'open' FROM ticket_path WHERE pend
    UNION ALL SELECT id, t_hold, 'on_hold' FROM ticket_path WHERE hold
    UNION ALL SELECT id, t_unhold, 'open' FROM ticket_path WHERE hold
    UNION ALL SELECT id, t_solve, 'solved' FROM ticket_path
    UNION ALL SELECT id, t_solve + interval '1 day', 'reopened' FROM ticket_path WHERE reopen
    UNION ALL SELECT id, t_solve + interval '2 days', 'solved' FROM ticket_path WHERE reopen
) e
WHERE at < '2026-11-30 00:00+01';

INSERT INTO tickets
SELECT t.id, t.interaction_id, t.customer_id, t.channel, t.topic, t.subject, t.agent, t.created_at,
       (SELECT min(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.status = 'open'),
       (SELECT max(e.at) FROM ticket_events e WHERE e.ticket_id = t.id AND e.status = 'solved'
          AND NOT EXISTS (SELECT FROM ticket_events r WHERE r.ticket_id = t.id AND r.status = 'reopened' AND r.at > e.at)),
       (SELECT e.status FROM ticket_events e WHERE e.ticket_id = t.id ORDER BY e.at DESC, e.status LIMIT 1)
FROM ticket_raw t;

-- ---- touchpoints: the customer journey ---------------------------------------------------
CREATE TEMP TABLE touchpoint_name (stage journey_stage, i int, name text, channel interaction_channel);
INSERT INTO touchpoint_name VALUES
 ('awareness', 0, 'Ad click - search campaign', 'web'), ('awareness', 1, 'Display ad impression', 'web'),
 ('awareness', 2, 'Webinar: getting started', 'video'), ('awareness', 3, 'Blog post read', 'web'),
 ('awareness', 4, 'Social post engagement', 'social'), ('awareness', 5, 'Newsletter open', 'email'),
 ('consideration', 0, 'Pricing page visit', 'web'), ('consideration', 1, 'Free trial started', 'web'),
 ('consideration', 2, 'Product demo booked', 'phone'), ('consideration', 3, 'Sales call', 'phone'),
 ('consideration', 4, 'Case study download', 'web'), ('consideration', 5, 'Quote requested', 'email'),
 ('acquisition', 0, 'Checkout completed', 'web'), ('acquisition', 1, 'Order placed', 'web'),
 ('acquisition', 2, 'Contract signed', 'email'), ('acquisition', 3, 'Onboarding call', 'phone'),
 ('acquisition', 4, 'Account activation', 'web'), ('acquisition', 5, 'Welcome email', 'email'),
 ('retention', 0, 'Support ticket opened', 'email'), ('retention', 1, 'Billing question', 'chat'),
 ('retention', 2, 'Account review', 'phone'), ('retention', 3, 'Training session', 'video'),
 ('retention', 4, 'Renewal reminder', 'email'), ('retention', 5, 'Satisfaction survey', 'email'),
 ('advocacy', 0, 'Referral sent', 'email'), ('advocacy', 1, 'Product review posted', 'web'),
 ('advocacy', 2, 'Testimonial recorded', 'video'), ('advocacy', 3, 'Community forum answer', 'web'),
 ('advocacy', 4, 'Loyalty program joined', 'web'), ('advocacy', 5, 'Social media shout-out', 'social');

CREATE TABLE touchpoints (
    id          bigint PRIMARY KEY,
    customer_id int NOT NULL,
    at          timestamptz NOT NULL,
    stage       journey_stage NOT NULL,
    channel     interaction_channel NOT NULL,
    touchpoint  text NOT NULL
);
INSERT INTO touchpoints
WITH c AS (
    SELECT customer_id, first_seen,
           CASE WHEN r < 0.30 THEN 0 WHEN r < 0.52 THEN 1 WHEN r < 0.66 THEN 2 WHEN r < 0.91 THEN 3 ELSE 4 END AS furthest
    FROM customers, LATERAL (SELECT pg_temp.u(customer_id, 501) AS r) r
), steps AS (
    SELECT c.*, k, n
    FROM c, LATERAL (SELECT 3 + floor(pg_temp.u(c.customer_id, 502) * (3 + 3 * c.furthest))::int AS n) m,
         generate_series(1, m.n) k
), placed AS (
    SELECT s.*, least(s.furthest, floor((s.k - 1) * (s.furthest + 1.0) / s.n))::int AS stage_no,
           floor(6 * pg_temp.u(s.customer_id * 100 + s.k, 504))::int AS name_no,
           s.first_seen + sum(pg_temp.u(s.customer_id * 100 + s.k, 503) ^ 3 * interval '6 days')
               OVER (PARTITION BY s.customer_id ORDER BY s.k) AS at
    FROM steps s
)
SELECT row_number() OVER (ORDER BY p.at, p.customer_id, p.k), p.customer_id, p.at, n.stage,
       CASE WHEN pg_temp.u(p.customer_id * 100 + p.k, 505) < 0.7 THEN n.channel
            ELSE (ARRAY['web', 'email', 'phone', 'chat', 'social']::interaction_channel[])[1 + floor(5 * pg_temp.u(p.customer_id * 100 + p.k, 506))::int] END,
       n.name
FROM placed p JOIN touchpoint_name n
  ON n.stage = (ARRAY['awareness', 'consideration', 'acquisition', 'retention', 'advocacy']::journey_stage[])[1 + p.stage_no]
 AND n.i = p.name_no
WHERE p.at < '2026-11-30 00:00+01';
CREATE INDEX ON touchpoints (customer_id, at);

-- ---- product events ----------------------------------------------------------------------
CREATE TABLE events (
    user_id int NOT NULL,
    at      timestamptz NOT NULL,
    event   text NOT NULL
);
INSERT INTO events
WITH u AS (
    SELECT user_id, timestamptz '2026-06-01 00:00+02' + pg_temp.u(user_id, 601) * interval '180 days'
               + (ARRAY[9, 10, 11, 13, 14, 15, 19, 20, 21, 22])[1 + floor(10 * pg_temp.u(user_id, 602))::int] * interval '1 hour'
               - extract(hour FROM timestamptz '2026-06-01 00:00+02' + pg_temp.u(user_id, 601) * interval '180 days') * interval '1 hour' AS t0,
           pg_temp.u(user_id, 603) AS r
    FROM generate_series(1, 20000) user_id
)
SELECT user_id, at, event FROM (
    SELECT user_id, t0 + (v - 1) * interval '2 days' AS at, 'visit' AS event
    FROM u, generate_series(1, 1 + floor(3 * pg_temp.u(user_id, 604))::int) v
    UNION ALL
    SELECT user_id, t0 + interval '3 minutes', 'view_pricing' FROM u WHERE r < 0.55
    UNION ALL
    SELECT user_id, t0 + (10 + 50 * pg_temp.u(user_id, 605)) * interval '1 minute', 'signup' FROM u WHERE r < 0.30
    UNION ALL
    -- most buyers buy within a day of signing up, some later
    SELECT user_id, t0 + CASE WHEN pg_temp.u(user_id, 606) < 0.7 THEN (2 + 20 * pg_temp.u(user_id, 607)) * interval '1 hour'
                              ELSE (2 + 10 * pg_temp.u(user_id, 607)) * interval '1 day' END, 'purchase'
    FROM u WHERE r < 0.12
) e
WHERE at < '2026-11-30 00:00+01';
CREATE INDEX ON events (user_id, at);

-- ---- the live queue: contacts waiting at 10:30 on Friday 2026-11-27 -----------------------
CREATE TABLE live_queue (
    id          int PRIMARY KEY,
    customer_id int NOT NULL,
    channel     interaction_channel NOT NULL,
    kind        interaction_kind NOT NULL,
    urgency     interaction_urgency NOT NULL,
    topic       text NOT NULL,
    required    skillset NOT NULL,
    enqueued_at timestamptz NOT NULL,
    priority    routing_priority NOT NULL   -- level by kind, tier 1 for critical; 1 level = 15 minutes
);
INSERT INTO live_queue
SELECT q, 1 + floor(8000 * pg_temp.u(q, 701))::int, c.channel, k.kind, g.urgency, t.topic,
       skillset(ARRAY[t.topic], ARRAY[2 + floor(6 * pg_temp.u(q, 706))::int]),
       e.at,
       routing_priority(CASE k.kind WHEN 'complaint' THEN 4 WHEN 'support' THEN 2 WHEN 'inquiry' THEN 1 ELSE 0 END,
                        e.at, '15 minutes', CASE WHEN g.urgency = 'critical' THEN 1 ELSE 0 END)
FROM generate_series(1, 24) q,
     LATERAL (SELECT timestamptz '2026-11-27 10:30+01' - pg_temp.u(q, 702) ^ 2 * interval '40 minutes' AS at) e,
     LATERAL (SELECT (ARRAY['phone', 'phone', 'phone', 'chat', 'chat', 'email', 'messaging'])[1 + floor(7 * pg_temp.u(q, 703))::int]::interaction_channel AS channel) c,
     LATERAL (SELECT (ARRAY['support', 'support', 'inquiry', 'inquiry', 'complaint', 'feedback'])[1 + floor(6 * pg_temp.u(q, 704))::int]::interaction_kind AS kind) k,
     LATERAL (SELECT CASE WHEN pg_temp.u(q, 705) < 0.15 THEN 'critical' ELSE 'stabilizing' END::interaction_urgency AS urgency) g,
     LATERAL (SELECT (ARRAY['billing', 'delivery', 'account', 'technical', 'returns'])[1 + floor(5 * pg_temp.u(q, 707))::int] AS topic) t;
CREATE INDEX ON live_queue (priority);

-- ---- foreign keys, added once the rows are in (one check per key, not one per row)
ALTER TABLE interactions ADD FOREIGN KEY (customer_id) REFERENCES customers,
                         ADD FOREIGN KEY (agent) REFERENCES agents;
ALTER TABLE calls ADD FOREIGN KEY (agent) REFERENCES agents;
ALTER TABLE tickets ADD FOREIGN KEY (interaction_id) REFERENCES interactions,
                    ADD FOREIGN KEY (customer_id) REFERENCES customers,
                    ADD FOREIGN KEY (agent) REFERENCES agents;
ALTER TABLE ticket_events ADD FOREIGN KEY (ticket_id) REFERENCES tickets;
ALTER TABLE touchpoints ADD FOREIGN KEY (customer_id) REFERENCES customers;
ALTER TABLE live_queue ADD FOREIGN KEY (customer_id) REFERENCES customers;

-- ---- what was loaded ----------------------------------------------------------------------
CREATE TABLE sample_info (name text PRIMARY KEY, value text NOT NULL);
INSERT INTO sample_info VALUES ('version', 'interaction sample 1');
INSERT INTO sample_info
SELECT t, pg_temp.fingerprint(t::regclass)
FROM unnest(ARRAY['customers', 'agents', 'interactions', 'calls', 'staffing', 'tickets', 'ticket_events',
                  'touchpoints', 'events', 'live_queue']) t;
COMMENT ON TABLE sample_info IS 'the interaction sample data set: version, and row count:hash of each table as loaded';

-- (no ANALYZE here: it would cost a third of the load; autovacuum analyzes the new
-- tables within a minute)

SELECT name AS "table", split_part(value, ':', 1)::int AS "rows"
FROM sample_info WHERE name <> 'version' ORDER BY 1;
