--
-- First-contact resolution window functions: fcr, repeat_contact, contact_attempt
--
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';

-- Hand-made partitions; "note" says what each row is there for.
CREATE TEMP TABLE contacts (id int, customer int, topic text, at timestamptz, note text);
INSERT INTO contacts VALUES
  -- customer 1: the 7-day boundary
  (1, 1, 'billing', '2026-01-01 10:00', 'chain start'),
  (2, 1, 'billing', '2026-01-08 10:00', 'exactly 7 days later: a repeat of 1'),
  (3, 1, 'billing', '2026-01-15 10:00:00.000001', '7 days + 1 us after 2: new chain'),
  (4, 1, 'billing', '2026-01-22 10:00:00.000001', 'exactly 7 days after 3'),
  (5, 1, 'billing', '2026-02-20 09:00', 'alone'),
  -- customer 2: ties
  (6, 2, 'billing', '2026-03-01 12:00', 'tied with 7'),
  (7, 2, 'billing', '2026-03-01 12:00', 'tied with 6'),
  (8, 2, 'billing', '2026-03-03 12:00', 'repeat of the tied pair'),
  (9, 2, 'billing', '2026-03-20 08:00', 'tied pair after a break'),
  (10, 2, 'billing', '2026-03-20 08:00', 'tied pair after a break'),
  -- customer 3: NULL at is invisible
  (11, 3, 'billing', '2026-04-01 09:00', 'followed only by NULLs within 7 days'),
  (12, 3, 'billing', NULL, 'NULL at'),
  (13, 3, 'billing', NULL, 'NULL at'),
  (14, 3, 'billing', '2026-04-06 09:00', 'repeat of 11 across the NULLs'),
  -- customer 4: one contact; customer 5: only NULL
  (15, 4, 'billing', '2026-05-01 00:00', 'single-row partition'),
  (16, 5, 'billing', NULL, 'all-NULL partition'),
  -- customer 6: two topics, interleaved in time
  (17, 6, 'billing', '2026-06-01 10:00', 'billing'),
  (18, 6, 'delivery', '2026-06-02 10:00', 'delivery, 1 day after a billing contact'),
  (19, 6, 'billing', '2026-06-05 10:00', 'billing repeat'),
  (20, 6, 'delivery', '2026-06-20 10:00', 'delivery, alone'),
  -- customer 7: a long chain, then a restart
  (21, 7, 'billing', '2026-07-01 00:00', 'chain 1'),
  (22, 7, 'billing', '2026-07-07 00:00', 'chain 1'),
  (23, 7, 'billing', '2026-07-13 00:00', 'chain 1'),
  (24, 7, 'billing', '2026-07-19 00:00', 'chain 1: 18 days after the start, still linked'),
  (25, 7, 'billing', '2026-07-27 00:00', 'chain 2: 8 days gap'),
  (26, 7, 'billing', '2026-08-02 00:00', 'chain 2');

-- per customer and topic
SELECT id, customer AS c, topic, at,
       fcr(at, '7 days') OVER w,
       repeat_contact(at, '7 days') OVER w AS repeat,
       contact_attempt(at, '7 days') OVER w AS attempt,
       note
FROM contacts
WINDOW w AS (PARTITION BY customer, topic ORDER BY at)
ORDER BY id;

-- ties: the answers do not depend on the order the sort puts tied rows in;
-- a tied pair is unresolved but not a repeat, and shares one attempt number
SELECT t, fcr(t, '1 hour') OVER w1 = fcr(t, '1 hour') OVER w2 AS same_fcr,
       repeat_contact(t, '1 hour') OVER w1 = repeat_contact(t, '1 hour') OVER w2 AS same_rep,
       contact_attempt(t, '1 hour') OVER w1 = contact_attempt(t, '1 hour') OVER w2 AS same_att,
       fcr(t, '1 hour') OVER w1, repeat_contact(t, '1 hour') OVER w1,
       contact_attempt(t, '1 hour') OVER w1
FROM (VALUES (1, timestamptz '2024-01-01 00:00'), (2, '2024-01-01 00:00'),
             (3, '2024-01-01 00:30'), (4, '2024-01-01 00:30'), (5, '2024-01-01 00:30'),
             (6, '2024-01-01 01:30'), (7, '2024-01-01 03:00'), (8, '2024-01-01 03:00')) v(i, t)
WINDOW w1 AS (ORDER BY t, i), w2 AS (ORDER BY t, i DESC)
ORDER BY t, i;

-- per customer only: customer 6's topics now see each other
SELECT id, topic, at,
       fcr(at, '7 days') OVER w,
       repeat_contact(at, '7 days') OVER w AS repeat,
       contact_attempt(at, '7 days') OVER w AS attempt
FROM contacts
WHERE customer = 6
WINDOW w AS (PARTITION BY customer ORDER BY at)
ORDER BY id;

-- NULLS FIRST works too: NULLs are skipped wherever they sort
SELECT id, fcr(at, '7 days') OVER w, contact_attempt(at, '7 days') OVER w
FROM contacts WHERE customer = 3
WINDOW w AS (ORDER BY at NULLS FIRST)
ORDER BY id;

-- fcr with as_of: NULL while the repeat window is open (at + within > as_of)
SELECT id, at, at + interval '7 days' AS closes,
       fcr(at, '7 days') OVER w AS fcr,
       fcr(at, '7 days', '2026-01-22 10:00:00.000001') OVER w AS as_of_exact,
       fcr(at, '7 days', '2026-01-22 10:00:00') OVER w AS as_of_1us_early,
       fcr(at, '7 days', NULL) OVER w AS as_of_null
FROM contacts WHERE customer = 1
WINDOW w AS (ORDER BY at)
ORDER BY id;

-- as_of NULL on some rows only: those rows give NULL, and the others are
-- unaffected (the rows at NULL as_of still count as contacts).  NULL as_of on
-- the first row, a middle row that starts a group, one of a tied pair, and the
-- last row.
SELECT t, a, fcr(t, '1 hour') OVER w AS fcr, fcr(t, '1 hour', a) OVER w AS fcr_as_of,
       fcr(t, '3 hours', a) OVER w AS fcr_3h_as_of
FROM (VALUES (timestamptz '2024-01-01 00:00', NULL::timestamptz),
             ('2024-01-01 02:00', '2025-01-01'),
             ('2024-01-01 02:30', NULL),
             ('2024-01-01 05:00', '2025-01-01'),
             ('2024-01-01 08:00', NULL),
             ('2024-01-01 08:00', '2025-01-01'),
             ('2024-01-01 12:00', '2025-01-01'),
             ('2024-01-01 14:00', NULL)) v(t, a)
WINDOW w AS (ORDER BY t)
ORDER BY t, a NULLS FIRST;
-- the reviewer's case: a NULL as_of on a row that starts a group
SELECT t, fcr(t, '1 hour', a) OVER (ORDER BY t)
FROM (VALUES (timestamptz '2024-01-01 00:00+00', timestamptz '2025-01-01'),
             ('2024-01-01 02:00+00', NULL), ('2024-01-01 04:00+00', '2025-01-01')) v(t, a);

-- within other than 7 days; an interval with time only
SELECT id, fcr(at, '2 days') OVER w AS fcr_2d, repeat_contact(at, '2 days') OVER w AS rep_2d,
       contact_attempt(at, '48 hours') OVER w AS att_48h,
       fcr(at, '47:59:59.999999') OVER w AS fcr_just_under_2d
FROM contacts WHERE customer = 2
WINDOW w AS (ORDER BY at)
ORDER BY id;

-- within with fields of mixed signs, positive overall (a day is 24 hours, a
-- month 30 days): '1 day -1 hour' is 23 hours in UTC, and '1 mon -29 days'
-- is a calendar month less 29 days (2 days from Jan 10, 1 from Jan 29)
SELECT id, at, fcr(at, '1 day -1 hour') OVER w AS fcr_1d_m1h,
       fcr(at, '23:00:00') OVER w AS fcr_23h,
       repeat_contact(at, '1 day -1 hour') OVER w AS rep_1d_m1h,
       contact_attempt(at, '1 day -1 hour') OVER w AS att_1d_m1h
FROM contacts WHERE customer = 2
WINDOW w AS (ORDER BY at)
ORDER BY id;
SELECT at, fcr(at, '1 mon -29 days') OVER w, repeat_contact(at, '1 mon -29 days') OVER w,
       contact_attempt(at, '1 mon -29 days') OVER w,
       fcr(at, '-1 mon 32 days') OVER w AS fcr_m1mon_32d
FROM (VALUES (timestamptz '2026-01-10'), ('2026-01-11'), ('2026-01-13 00:00:00.000001'),
             ('2026-01-28'), ('2026-01-29')) v(at)
WINDOW w AS (ORDER BY at)
ORDER BY at;

-- A row that calendar arithmetic does not move (issue 12: an error in 1.0) is
-- no error: "within" itself is positive, and such a row's window holds its own
-- instant only.  Samoa skipped 2011-12-30, so there at - 1 day = at:
SET TimeZone = 'Pacific/Apia';
SELECT at, at - interval '1 day' = at AS day_skipped, repeat_contact(at, '1 day') OVER w,
       fcr(at, '1 day') OVER w, contact_attempt(at, '1 day') OVER w
FROM (VALUES ('2011-12-31 10:00+14'::timestamptz)) v(at) WINDOW w AS (ORDER BY at);
SELECT at, at + interval '1 day' AS plus_day, at - interval '1 day' AS minus_day,
       fcr(at, '1 day') OVER w, repeat_contact(at, '1 day') OVER w, contact_attempt(at, '1 day') OVER w
FROM (VALUES ('2011-12-29 20:00-10'::timestamptz), ('2011-12-31 10:00+14'), ('2011-12-31 12:00+14')) v(at)
WINDOW w AS (ORDER BY at) ORDER BY at;
SET TimeZone = 'UTC';
-- mixed signs, positive overall but not for every row: '1 mon -29 days' from
-- Feb 1 2026 ends on Mar 1 - 29 days = Jan 31, before at, so the contact of
-- Feb 2 is outside its window; back from Mar 1 it reaches Mar 2, after at, so
-- Feb 2 is no earlier contact of Mar 1 either
SELECT at, at + interval '1 mon -29 days' AS plus, at - interval '1 mon -29 days' AS minus,
       fcr(at, '1 mon -29 days') OVER w, repeat_contact(at, '1 mon -29 days') OVER w,
       contact_attempt(at, '1 mon -29 days') OVER w
FROM (VALUES (timestamptz '2026-01-10'), ('2026-02-01'), ('2026-02-02'), ('2026-03-01'), ('2026-03-10')) v(at)
WINDOW w AS (ORDER BY at) ORDER BY at;

-- a different within per row is allowed for fcr and repeat_contact
SELECT id, at, fcr(at, CASE WHEN id = 21 THEN interval '5 days' ELSE interval '7 days' END) OVER w
FROM contacts WHERE customer = 7
WINDOW w AS (ORDER BY at)
ORDER BY id;

-- Calendar arithmetic: timestamptz + interval in the session time zone.
-- '1 mon' from Jan 31 ends on Feb 28; going back from Mar 31 ends on Feb 28.
SELECT at, fcr(at, '1 mon') OVER w, repeat_contact(at, '1 mon') OVER w,
       contact_attempt(at, '1 mon') OVER w
FROM (VALUES (timestamptz '2026-01-31 00:00'), ('2026-02-28 00:00'), ('2026-03-31 00:00'),
             ('2026-05-01 00:00:00.000001')) v(at)
WINDOW w AS (ORDER BY at)
ORDER BY at;
-- '1 day' across the spring DST change in Berlin is 23 hours: a contact
-- 23.5 hours later is a repeat within '24 hours' but not within '1 day'
SET TimeZone = 'Europe/Berlin';
SELECT at, fcr(at, '1 day') OVER w AS fcr_1d, fcr(at, '24 hours') OVER w AS fcr_24h,
       repeat_contact(at, '1 day') OVER w AS rep_1d,
       repeat_contact(at, '24 hours') OVER w AS rep_24h
FROM (VALUES (timestamptz '2026-03-28 12:00+01'), ('2026-03-29 12:30+02')) v(at)
WINDOW w AS (ORDER BY at)
ORDER BY at;
SET TimeZone = 'UTC';

-- infinities: tied with each other, never out of range
SELECT at, fcr(at, '1 day') OVER w, repeat_contact(at, '1 day') OVER w,
       contact_attempt(at, '1 day') OVER w
FROM (VALUES (timestamptz '-infinity'), ('2026-01-01'), ('infinity'), ('infinity')) v(at)
WINDOW w AS (ORDER BY at)
ORDER BY at;

-- The FCR-rate pattern: first contacts (not repeats) whose window has closed
SELECT topic, count(*) AS first_contacts, count(resolved) AS decided,
       round(avg(resolved::int), 3) AS fcr_rate
FROM (SELECT topic,
             repeat_contact(at, '7 days') OVER w AS is_repeat,
             fcr(at, '7 days', '2026-08-05') OVER w AS resolved
      FROM contacts
      WINDOW w AS (PARTITION BY customer, topic ORDER BY at)) s
WHERE NOT is_repeat
GROUP BY topic ORDER BY topic;

-- Callable schema-qualified from a search_path without the extension
SET search_path = pg_catalog;
SELECT public.fcr(at, '7 days') OVER (ORDER BY at)
FROM (VALUES (timestamptz '2026-01-01'), ('2026-02-01')) v(at);
RESET search_path;

-- O(n) and bounded memory: one partition of 200,000 contacts a second apart with a
-- 30-day window.  With work_mem at its minimum and no temporary files allowed, the
-- window's tuplestore must stay tiny: the functions only keep the rows up to the
-- next contact.  (The second query, a frame of 30,000 rows ahead, shows the check
-- bites.)
CREATE TEMP TABLE dense AS
SELECT 1 AS customer, timestamptz '2026-01-01' + i * interval '1 second' AS at
FROM generate_series(0, 199999) AS i;
CREATE INDEX ON dense (customer, at);
VACUUM ANALYZE dense;
SET work_mem = '64kB';
-- PostgreSQL 18 prints a WindowAgg's window definition and quotes the name of the
-- setting in the temp_file_limit error: expected/fcr_1.out
SET temp_file_limit = 0;
SET enable_sort = off;
EXPLAIN (COSTS OFF)
SELECT count(*) FILTER (WHERE f)
FROM (SELECT fcr(at, '30 days') OVER w AS f FROM dense
      WINDOW w AS (PARTITION BY customer ORDER BY at)) s;
SELECT count(*) FILTER (WHERE f) AS fcr, count(*) FILTER (WHERE r) AS repeats,
       max(a) AS longest_chain, count(fa) AS closed_by_jan_31_noon
FROM (SELECT fcr(at, '30 days') OVER w AS f, repeat_contact(at, '30 days') OVER w AS r,
             contact_attempt(at, '30 days') OVER w AS a,
             fcr(at, '30 days', '2026-01-31 12:00') OVER w AS fa
      FROM dense
      WINDOW w AS (PARTITION BY customer ORDER BY at)) s;
SELECT count(*) FILTER (WHERE n > 0)
FROM (SELECT count(*) OVER (PARTITION BY customer ORDER BY at
                            ROWS BETWEEN CURRENT ROW AND 30000 FOLLOWING) AS n
      FROM dense) s;
RESET work_mem;
RESET temp_file_limit;
RESET enable_sort;

--
-- Errors
--
-- within NULL, zero, negative, or with a negative field
SELECT fcr(at, NULL) OVER (ORDER BY at) FROM contacts;
SELECT fcr(at, '0') OVER (ORDER BY at) FROM contacts;
SELECT repeat_contact(at, '-7 days') OVER (ORDER BY at) FROM contacts;
SELECT contact_attempt(at, '1 day -25 hours') OVER (ORDER BY at) FROM contacts;
SELECT fcr(at, '1 mon -30 days') OVER (ORDER BY at) FROM contacts;
SELECT fcr(at, '-1 mon', now()) OVER (ORDER BY at) FROM contacts;
-- within NULL is an error even where at is NULL
SELECT fcr(at, NULL) OVER (ORDER BY at) FROM contacts WHERE at IS NULL;
-- not in ascending order of at
SELECT fcr(at, '7 days') OVER (PARTITION BY customer ORDER BY at DESC) FROM contacts;
SELECT repeat_contact(at, '7 days') OVER (PARTITION BY customer ORDER BY id DESC) FROM contacts;
SELECT contact_attempt(at, '7 days') OVER (ORDER BY customer DESC, at) FROM contacts;
-- contact_attempt needs one within per partition
SELECT contact_attempt(at, CASE WHEN id < 23 THEN interval '7 days' ELSE interval '8 days' END)
       OVER (ORDER BY at)
FROM contacts WHERE customer = 7;
-- at must give the same value each time a row is read
SELECT fcr(at + random() * interval '1 second', '7 days') OVER (ORDER BY at)
FROM contacts WHERE customer = 1;
-- out of range: at + within (fcr) and at - within (repeat_contact, contact_attempt)
SELECT fcr(at, '1000 years') OVER (ORDER BY at)
FROM (VALUES (timestamptz '294000-01-01')) v(at);
SELECT fcr(at, '1 day', '294276-12-31') OVER (ORDER BY at)
FROM (VALUES (timestamptz '294276-12-31 12:00')) v(at);
SELECT repeat_contact(at, '10 days') OVER (ORDER BY at)
FROM (VALUES (timestamptz '4714-11-30 BC')) v(at);
SELECT contact_attempt(at, '100000 years') OVER (ORDER BY at)
FROM (VALUES (timestamptz '2026-01-01')) v(at);
-- a window function needs OVER
SELECT fcr(now(), '1 day');
-- the SQLSTATEs of the errors above
DO $$
DECLARE
  q text;
BEGIN
  FOREACH q IN ARRAY ARRAY[
    'SELECT fcr(at, NULL) OVER (ORDER BY at) FROM contacts',
    'SELECT fcr(at, ''0'') OVER (ORDER BY at) FROM contacts',
    'SELECT contact_attempt(at, ''1 day -25 hours'') OVER (ORDER BY at) FROM contacts',
    'SELECT fcr(at, ''7 days'') OVER (PARTITION BY customer ORDER BY at DESC) FROM contacts',
    'SELECT contact_attempt(at, CASE WHEN id < 23 THEN interval ''7 days'' ELSE interval ''8 days'' END) OVER (ORDER BY at) FROM contacts WHERE customer = 7',
    'SELECT fcr(at + random() * interval ''1 second'', ''7 days'') OVER (ORDER BY at) FROM contacts WHERE customer = 1',
    'SELECT fcr(at, ''1000 years'') OVER (ORDER BY at) FROM (VALUES (timestamptz ''294000-01-01'')) v(at)']
  LOOP
    BEGIN
      EXECUTE q;
      RAISE NOTICE 'no error: %', q;
    EXCEPTION WHEN OTHERS THEN
      RAISE NOTICE '%: %', SQLSTATE, SQLERRM;
    END;
  END LOOP;
END $$;

--
-- Randomised comparison with brute-force SQL: NOT EXISTS / EXISTS subqueries
-- for fcr and repeat_contact (strictly earlier contacts only), lag-based chains
-- of distinct timestamps for contact_attempt.
-- Hours on a grid (exact boundaries and ties are common), a few microsecond
-- offsets, 3% NULLs, two topics; several windows and time zones.
--
SELECT setseed(0.4242);
CREATE TEMP TABLE r AS
SELECT i AS id, 1 + (random() * 150)::int AS customer,
       (ARRAY['billing', 'delivery'])[1 + (random() < 0.5)::int] AS topic,
       CASE WHEN random() < 0.03 THEN NULL
            ELSE timestamptz '2026-03-01 00:00+00' + (random() * 60 * 24)::int * interval '1 hour'
                 + CASE WHEN random() < 0.1 THEN interval '1 microsecond' ELSE interval '0' END
       END AS at
FROM generate_series(1, 4000) AS i;

CREATE FUNCTION pg_temp.compare_with_oracle(p_within interval, p_zone text)
RETURNS TABLE (zone text, within interval, fcr_mismatches bigint, as_of_mismatches bigint,
               repeat_mismatches bigint, attempt_mismatches bigint,
               attempt_1_vs_not_repeat bigint, fcr_true bigint, repeats bigint, longest_chain int)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('TimeZone', p_zone, true);
  RETURN QUERY
  WITH ours AS (
    SELECT r.*,
           fcr(r.at, p_within) OVER w AS f,
           fcr(r.at, p_within, timestamptz '2026-04-20 00:00+00') OVER w AS fa,
           repeat_contact(r.at, p_within) OVER w AS rc,
           contact_attempt(r.at, p_within) OVER w AS ca
    FROM r WINDOW w AS (PARTITION BY r.customer, r.topic ORDER BY r.at)
  ), instants AS (
    SELECT r.customer, r.topic, r.at, count(*) AS n
    FROM r WHERE r.at IS NOT NULL GROUP BY 1, 2, 3
  ), breaks AS (
    SELECT i.*, (lag(i.at) OVER x IS NULL OR lag(i.at) OVER x < i.at - p_within)::int AS brk
    FROM instants i WINDOW x AS (PARTITION BY i.customer, i.topic ORDER BY i.at)
  ), chains AS (
    SELECT b.*, sum(b.brk) OVER (PARTITION BY b.customer, b.topic ORDER BY b.at) AS chain
    FROM breaks b
  ), attempts AS (
    SELECT c.customer, c.topic, c.at,
           row_number() OVER (PARTITION BY c.customer, c.topic, c.chain ORDER BY c.at)::int AS attempt
    FROM chains c
  ), oracle AS (
    SELECT o.*,
           CASE WHEN o.at IS NOT NULL THEN NOT EXISTS (
               SELECT 1 FROM r t WHERE t.customer = o.customer AND t.topic = o.topic
                 AND t.id <> o.id AND t.at >= o.at AND t.at <= o.at + p_within) END AS o_fcr,
           CASE WHEN o.at IS NOT NULL THEN EXISTS (
               SELECT 1 FROM r t WHERE t.customer = o.customer AND t.topic = o.topic
                 AND t.at < o.at AND t.at >= o.at - p_within) END AS o_repeat,
           a.attempt AS o_attempt
    FROM ours o LEFT JOIN attempts a USING (customer, topic, at)
  )
  SELECT p_zone, p_within,
         count(*) FILTER (WHERE f IS DISTINCT FROM o_fcr),
         count(*) FILTER (WHERE fa IS DISTINCT FROM
                          CASE WHEN at + p_within <= timestamptz '2026-04-20 00:00+00' THEN o_fcr END),
         count(*) FILTER (WHERE rc IS DISTINCT FROM o_repeat),
         count(*) FILTER (WHERE ca IS DISTINCT FROM o_attempt),
         count(*) FILTER (WHERE (ca = 1) IS DISTINCT FROM NOT rc),
         count(*) FILTER (WHERE f), count(*) FILTER (WHERE rc), max(ca)
  FROM oracle;
END $$;

SELECT c.*
FROM (VALUES (interval '1 day', 'UTC'), ('36 hours', 'UTC'), ('1 day', 'Europe/Berlin'),
             ('2 days', 'America/New_York'), ('1 mon', 'Europe/Berlin'),
             ('1 mon 1 day 1 hour', 'UTC'), ('7 days', 'Australia/Lord_Howe'),
             ('3 days', 'AAA+100BBB'), ('2 days -1 hour', 'Europe/Berlin'),
             ('-1 mon 32 days', 'UTC')) AS v(within, zone),
     pg_temp.compare_with_oracle(v.within, v.zone) AS c;
