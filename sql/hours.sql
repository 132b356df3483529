--
-- hours: the business_hours type and working-time arithmetic
--
\i test/regress_helpers.sql
-- results must not depend on the session: run under an odd zone and DateStyle
SET timezone = 'Asia/Kathmandu';
SET datestyle = 'SQL, DMY';
SET intervalstyle = 'postgres';

-- the examples of the design
\set h '''mon-fri 09:00-17:00; tz UTC; closed 2026-12-25'''
SELECT business_time(:h, '2026-12-24 16:00+00', '2026-12-28 10:00+00') = '2 hours' AS bt_2h,
       business_add(:h, '2026-12-24 16:30+00', '4 hours') = '2026-12-28 12:30+00' AS add_4h,
       next_open(:h, '2026-12-24 18:00+00') = '2026-12-28 09:00+00' AS next_open;
SET timezone = 'UTC';
SELECT business_time(:h, '2026-12-24 16:00+00', '2026-12-28 10:00+00') AS bt,
       business_time(:h, '2026-12-28 10:00+00', '2026-12-24 16:00+00') AS negative,
       business_add(:h, '2026-12-24 16:30+00', '4 hours') AS due,
       business_add(:h, '2026-12-24 16:30+00', '0') AS add_zero,
       business_add(:h, '2026-12-24 12:00+00', '0') AS add_zero_open,
       business_add(:h, '2026-12-24 13:00+00', '4 hours') AS ends_at_close,
       next_open(:h, '2026-12-24 18:00+00') AS next_open;
-- no days field, even for long spans; seconds and fractions kept
SELECT business_time(:h, '2026-01-01', '2027-01-01') AS year_2026,
       business_time(:h, '2026-12-24 16:59:59.5+00', '2026-12-28 09:00:01.25+00') AS fractions,
       business_time(:h, '2026-12-24 10:00+00', '2026-12-24 10:00+00') AS empty_span;
-- is_open, next_open, next_close around a day: at the edges [09:00, 17:00)
SELECT at, is_open(:h, at), next_open(:h, at), next_close(:h, at)
FROM unnest(ARRAY['2026-12-24 08:59:59', '2026-12-24 09:00', '2026-12-24 16:59:59.999999',
                  '2026-12-24 17:00', '2026-12-25 10:00', '2026-12-26 10:00']::timestamptz[]) AS at;

-- canonical text: days merged and written as runs, ranges sorted and joined when
-- they touch, dates sorted, the zone as the tz database spells it; case and blanks free
SELECT s::business_hours AS canonical
FROM (VALUES ('mon-fri 09:00-17:30; sat 10:00-14:00; tz Europe/Berlin; closed 2026-12-25, 2026-12-24'),
             ('fri 09:00-17:30;thu 09:00-17:30 ; mon-wed 09:00-17:30; sat 10:00-14:00; TZ europe/berlin; closed 2026-12-24; closed 2026-12-25'),
             ('mon-fri 13:00-17:00, 09:00-12:00'),
             ('mon-fri 09:00-12:00, 12:00-17:00'),
             ('mon 09:00-12:00; mon 13:00-17:00; tue 9:00-12:00, 13:00-17:00'),
             ('sun,mon 09:00-17:00'),
             ('fri-mon 08:00-20:00'),
             ('mon,wed,fri 10:00-11:00; tue,thu 10:00-12:00'),
             ('Mon-Sun 00:00-24:00'),
             ('24/7; closed 2026-12-25'),
             ('mon-sun 00:00-24:00; tz America/New_York'),
             ('sun 22:00-24:00; mon 00:00-06:00'),
             ('open 2026-12-27 13:00-14:00; open 2026-12-20 09:00-10:00; open 2026-12-27 10:00-12:00'),
             ('closed 2026-12-25, 2026-12-25, 2026-01-01'),
             ('tz Pacific/Apia'),
             (''),
             ('   ')) AS t(s);
-- output re-reads to the same text (exact round trip), and text casts
SELECT count(*) AS values, count(*) FILTER (WHERE v::text::business_hours::text = v::text) AS round_trip
FROM (VALUES ('mon-fri 09:00-17:30; sat 10:00-14:00; tz Europe/Berlin; closed 2026-12-24, 2026-12-25'::business_hours),
             ('24/7; tz Australia/Lord_Howe; closed 2026-04-05; open 2026-04-06 10:00-11:00'::text::business_hours),
             (''), ('sun,mon 09:00-17:00; tz EST5EDT'), ('tz Etc/GMT-14'),
             ('open 2026-12-27 10:00-12:00, 13:00-24:00')) AS t(v);
-- equality: the same calendar however written; hashing groups equal calendars
SELECT 'mon 09:00-10:00'::business_hours = 'MON 9:00-10:00; tz UTC' AS same,
       'mon 09:00-10:00'::business_hours <> 'mon 09:00-10:01' AS differs,
       '24/7'::business_hours = 'mon-sun 00:00-24:00' AS all_week,
       'tz europe/berlin'::business_hours = 'tz UTC' AS zones_differ;
SELECT h, count(*) FROM (VALUES ('24/7'::business_hours), ('mon-sun 00:00-24:00'), (''), ('tz UTC'),
                                ('closed 2026-12-25'), ('closed 2026-12-25, 2026-12-25')) t(h)
GROUP BY h ORDER BY 2 DESC, 1::text;
SELECT amvalidate(oid) FROM pg_opclass WHERE opcname = 'business_hours_hash_ops';
-- an exception date that changes nothing (closed on a closed weekday, open as the
-- weekday is) is dropped on input: the same calendar, equal and hashed alike
SELECT 'mon-fri 09:00-17:00; closed 2026-12-27'::business_hours = 'mon-fri 09:00-17:00' AS closed_sunday,
       'mon-fri 09:00-17:00; closed 2026-12-27'::business_hours::text AS closed_sunday_text,
       'mon-fri 09:00-17:00; open 2026-12-28 09:00-17:00'::business_hours = 'mon-fri 09:00-17:00' AS open_as_monday,
       'mon-fri 09:00-17:00; open 2026-12-28 09:00-12:00, 12:00-17:00'::business_hours
         = 'mon-fri 09:00-17:00' AS open_as_monday_in_two,
       'mon-fri 09:00-17:00; closed 2026-12-27, 2026-12-28; open 2026-12-26 10:00-11:00'::business_hours::text
         AS only_what_changes,
       business_time('mon-fri 09:00-17:00; closed 2026-12-27, 2026-12-28', '2026-12-21', '2027-01-04')
         AS two_weeks_less_a_day;
SELECT h::text, count(*)
FROM (VALUES ('mon-fri 09:00-17:00'::business_hours), ('mon-fri 09:00-17:00; closed 2026-12-26, 2026-12-27'),
             ('mon-fri 09:00-17:00; open 2026-12-29 09:00-17:00')) t(h)
GROUP BY h;
-- blanks are free in a list of days as elsewhere
SELECT 'mon ,tue 09:00-10:00'::business_hours::text AS blank_before_comma,
       'mon - wed , fri 09:00-10:00'::business_hours::text AS blanks_around;
-- zones that follow the server's system settings are refused (22023): a calendar
-- must mean the same on every server
\set VERBOSITY sqlstate
SELECT 'mon 09:00-10:00; tz localtime'::business_hours;
\set VERBOSITY default
SELECT t AS input, pg_temp.error_of(format('SELECT %L::business_hours', t)) AS error
FROM (VALUES ('tz localtime'), ('tz posixrules'), ('tz Factory'), ('tz LOCALTIME')) AS t(t);
-- a date both closed and opened is a conflict, but an "open" date replaces the week's hours
SELECT business_time('mon-fri 09:00-17:00; open 2026-12-24 09:00-12:00; open 2026-12-27 10:00-12:00',
                     '2026-12-21', '2026-12-28') AS short_eve_and_sunday;

-- bad input: 22P02 for syntax, 22023 for an unknown zone, overlapping or reversed
-- ranges, 54000 beyond the limits; the detail points at the part
SELECT t AS input, pg_temp.error_of(format('SELECT %L::business_hours', t)) AS error
FROM (VALUES ('mon-fri 09:00-17:00; tz Mars/Olympus'), ('tz XYZ-3'), ('tz EST5'),
             ('tz Etc/GMT+13'), ('tz PST'), ('tz :UTC'), ('tz UTC; tz UTC'), ('tz'),
             ('mon-fri 09:00-12:00, 11:00-13:00'), ('mon 09:00-12:00; mon-fri 11:30-12:30'),
             ('mon 17:00-09:00'), ('mon 09:00-09:00'), ('mon 22:00-02:00'),
             ('mun 09:00-17:00'), ('monday 09:00-17:00'), ('mon-fir 09:00-17:00'),
             ('mon 9-17'), ('mon 09:00'), ('mon 09:00-'), ('mon 09:60-10:00'),
             ('mon 24:00-24:00'), ('mon 24:01-24:30'), ('mon 25:00-26:00'), ('mon 009:00-10:00'),
             ('mon'), ('mon09:00-17:00'), ('09:00-17:00'), ('mon 09:00-17:00;'),
             ('; mon 09:00-17:00'), ('mon 09:00-17:00;; tz UTC'), ('mon 09:00-17:00 tz UTC'),
             ('closed'), ('closed 2026-12-24,'), ('closed 24.12.2026'), ('closed 2026-02-30'),
             ('closed 2026-12-24 2026-12-25'), ('closed 0000-01-01'), ('closed today'),
             ('open 2026-12-24'), ('open 2026-12-24 10:00-09:00'),
             ('open 2026-12-24 10:00-12:00; closed 2026-12-24'),
             ('open 2026-12-24 10:00-12:00; open 2026-12-24 11:00-13:00'),
             ('24/8'), ('24/7 mon'), ('holiday 2026-12-24'), ('mon-fri 09:00-17:00; zone Europe/Berlin')) AS t(t);
-- an unknown keyword: the hint names the keywords there are
SELECT 'mon-fri 09:00-17:00; holidays 2026-12-24'::business_hours;
-- limits: at most 20000 dates and 50000 ranges (54000)
SELECT regexp_replace(pg_temp.error_of(format('SELECT %L::business_hours',
         'closed ' || string_agg(to_char(d, 'YYYY-MM-DD'), ', '))), '".*"', '"..."') AS too_many_dates
FROM generate_series(date '2000-01-01', date '2000-01-01' + 20000, '1 day') AS d;
SELECT length(('24/7; closed ' || string_agg(to_char(d, 'YYYY-MM-DD'), ', '))::business_hours::text) AS twenty_thousand_dates
FROM generate_series(date '2000-01-01', date '2000-01-01' + 19999, '1 day') AS d;
-- the same value whatever the session's DateStyle (dates are ISO only, out too)
SET datestyle = 'German';
SELECT 'mon-fri 09:00-17:00; closed 2026-12-24; open 2026-12-27 10:00-12:00'::business_hours AS german_datestyle;
SET datestyle = 'ISO';

-- binary: version byte, then the canonical text; receive validates like input
SELECT business_hours_send('mon-fri 09:00-17:00; closed 2026-12-25') AS sent;
CREATE TEMP TABLE cal (id int, h business_hours);
INSERT INTO cal VALUES (1, 'mon-fri 09:00-17:30; sat 10:00-14:00; tz Europe/Berlin; closed 2026-12-24, 2026-12-25'),
  (2, '24/7'), (3, ''), (4, 'open 2026-12-27 10:00-12:00; tz America/New_York');
CREATE TEMP TABLE cal_copy (LIKE cal);
COPY cal TO :'binfile' WITH (FORMAT binary);
COPY cal_copy FROM :'binfile' WITH (FORMAT binary);
SELECT count(*) AS rows, count(*) FILTER (WHERE a.h::text = b.h::text) AS equal
FROM cal a JOIN cal_copy b USING (id);
CREATE TEMP TABLE bin (h business_hours);
SELECT what, pg_temp.binary_copy_error('bin', bytes) AS error
FROM (VALUES ('well formed',        '\x01'::bytea || convert_to('mon 09:00-10:00; tz UTC', 'UTF8')),
             ('not canonical',      '\x01'::bytea || convert_to('MON 9:00-10:00', 'UTF8')),
             ('empty',              '\x'::bytea),
             ('unknown version',    '\x02'::bytea || convert_to('tz UTC', 'UTF8')),
             ('bad text',           '\x01'::bytea || convert_to('mon 10:00-09:00', 'UTF8')),
             ('unknown zone',       '\x01'::bytea || convert_to('tz Nowhere/Else', 'UTF8')),
             ('zero byte',          '\x01'::bytea || convert_to('tz UTC', 'UTF8') || '\x00'::bytea)) AS t(what, bytes);
SELECT h FROM bin;

-- work given with days or months, or negative, is an error; infinite instants too
SELECT pg_temp.error_of(q) FROM (VALUES
  ($$SELECT business_add('24/7', '2026-01-01', '1 day')$$),
  ($$SELECT business_add('24/7', '2026-01-01', '1 month')$$),
  ($$SELECT business_add('24/7', '2026-01-01', '-1 hour')$$),
  ($$SELECT business_time('24/7', '-infinity', '2026-01-01')$$),
  ($$SELECT next_open('24/7', 'infinity')$$),
  -- results that would leave the timestamp or interval range are errors, never wrapped
  ($$SELECT business_time('24/7', '4713-01-01 BC', '294276-12-31')$$),
  ($$SELECT business_add('24/7', '294276-12-30', '48 hours')$$),
  ($$SELECT business_add('mon 09:00-10:00', '2026-01-01', '2000000000 hours')$$),
  ($$SELECT business_time('mon 09:00-10:00', '4713-01-01 BC', '294276-12-31') > '0'$$)) AS t(q);

-- 24/7 and calendars that never open: business_time is 0, business_add an error,
-- next_open NULL; a calendar that never closes has next_close NULL
SELECT h, business_time(h, '2026-01-01', '2026-02-01') AS january,
       next_open(h, '2026-01-15') AS next_open, next_close(h, '2026-01-15') AS next_close,
       is_open(h, '2026-01-15') AS open_15th,
       pg_temp.error_of(format('SELECT business_add(%L, %L, %L)', h, '2026-01-15 00:00+00', '1 hour')) AS add_1h
FROM unnest(ARRAY['24/7', '24/7; closed 2026-01-20', '', 'closed 2026-01-01',
                  'open 2026-01-20 09:00-10:00', 'tz Europe/Berlin']::business_hours[]) AS h;
-- 24/7 counts wall-clock time; business_add of 0 is now, of a day of hours a day later
SELECT business_time('24/7', '2026-01-01', '2026-03-01') = '2026-03-01'::timestamptz - '2026-01-01' AS equals_minus,
       business_add('24/7', '2026-01-01 10:00+00', '0') AS zero,
       business_add('24/7; closed 2026-01-02', '2026-01-01 10:00+00', '24 hours') AS skips_holiday;

-- daylight saving: hours are local wall-clock times.  Europe/Berlin, spring forward
-- on 2026-03-29 (02:00 -> 03:00) and fall back on 2026-10-25 (03:00 -> 02:00)
\set be '''mon-sun 00:00-24:00; tz Europe/Berlin'''
SELECT business_time(:be, '2026-03-29 00:00+01', '2026-03-30 00:00+02') AS spring_day,
       business_time(:be, '2026-10-25 00:00+02', '2026-10-26 00:00+01') AS autumn_day,
       business_time('sun 01:00-04:00; tz Europe/Berlin', '2026-03-28', '2026-03-30') AS spring_1_to_4,
       business_time('sun 01:00-04:00; tz Europe/Berlin', '2026-10-24', '2026-10-26') AS autumn_1_to_4,
       business_time('sun 02:30-04:00; tz Europe/Berlin', '2026-03-28', '2026-03-30') AS starts_in_gap,
       business_time('sun 02:30-04:00; tz Europe/Berlin', '2026-10-24', '2026-10-26') AS starts_in_repeat,
       business_time('mon-fri 09:00-17:00; tz Europe/Berlin', '2026-03-23', '2026-04-06') AS two_weeks_unaffected;
-- opening in the skipped hour opens when the clock jumps; a repeated hour is open twice
SELECT next_open('sun 02:30-04:00; tz Europe/Berlin', '2026-03-28 12:00+00') AS opens_at_jump,
       next_close('sun 01:00-02:30; tz Europe/Berlin', '2026-03-29 00:30+00') AS closes_at_jump,
       next_close('sun 01:00-02:30; tz Europe/Berlin', '2026-10-25 00:10+00') AS closes_first_0230,
       is_open('sun 02:00-02:30; tz Europe/Berlin', '2026-10-25 00:15+00') AS first_0215,
       is_open('sun 02:00-02:30; tz Europe/Berlin', '2026-10-25 01:15+00') AS second_0215,
       business_add('sun 01:00-04:00; tz Europe/Berlin', '2026-10-24 12:00+00', '3 hours') AS third_hour_ends,
       business_add('sun 01:00-04:00; tz Europe/Berlin', '2026-10-24 12:00+00', '4 hours') AS all_four_hours;
-- the same with an exception date only: the search goes on into the next stretch of
-- constant offset, which repeats the local hour (02:00-02:30 is open from 00:00 to
-- 00:30 and again from 01:00 to 01:30 UTC)
\set fb '''open 2026-10-25 02:00-02:30; tz Europe/Berlin'''
SELECT next_open(:fb, '2026-10-25 00:45+00') AS second_opening,
       business_add(:fb, '2026-10-24', '45 minutes') AS due_in_second,
       business_add(:fb, '2026-10-24', '60 minutes') AS all_of_it,
       business_add(:fb, '2026-10-25 00:45+00', '0 minutes') AS no_work_waits,
       business_time(:fb, '2026-10-24', '2026-10-26') AS worked,
       is_open(:fb, '2026-10-25 01:15+00') AS open_again,
       next_close(:fb, '2026-10-25 01:10+00') AS closes_again,
       next_open(:fb, '2026-10-25 01:30+00') AS none_after;
SELECT business_add(:fb, '2026-10-24', '61 minutes');
-- a date far behind, or far ahead of a walk over many stretches
SELECT next_open('open 2020-01-01 09:00-10:00; tz Europe/Berlin', '2026-01-01') AS long_gone,
       next_open('open 2126-10-25 09:00-10:00; tz Europe/Berlin', '2026-01-01') AS century_ahead;
-- America/New_York: 2026-03-08 02:00 -> 03:00 and 2026-11-01 02:00 -> 01:00; a
-- nine-to-five week is 40 hours either side, the day itself is not shorter
\set ny '''mon-fri 09:00-17:00; sat-sun 00:00-24:00; tz America/New_York'''
SELECT business_time(:ny, '2026-03-07 00:00-05', '2026-03-09 00:00-04') AS weekend_spring,
       business_time(:ny, '2026-10-31 00:00-04', '2026-11-02 00:00-05') AS weekend_autumn,
       business_time(:ny, '2026-03-09 00:00-04', '2026-03-14 00:00-05') AS week_after,
       business_add(:ny, '2026-03-06 16:00-05', '25 hours') AS due_over_spring_weekend,
       business_add(:ny, '2026-10-30 16:00-04', '25 hours') AS due_over_autumn_weekend,
       next_close(:ny, '2026-03-07 12:00-05') AS weekend_closes;
-- holidays at the edges of ranges: a holiday right after an open day, right before;
-- the span ends exactly at a close or opening
\set hol '''mon-fri 09:00-17:00; closed 2026-12-24, 2026-12-28; tz UTC'''
SELECT business_time(:hol, '2026-12-23 17:00+00', '2026-12-29 09:00+00') AS only_friday,
       business_time(:hol, '2026-12-23 16:59+00', '2026-12-29 09:01+00') AS two_minutes,
       business_add(:hol, '2026-12-23 16:00+00', '1 hour') AS due_at_close,
       business_add(:hol, '2026-12-23 16:00+00', '61 minutes') AS due_after_holidays,
       next_open(:hol, '2026-12-23 17:00+00') AS next_open,
       next_close(:hol, '2026-12-29 09:00+00') AS next_close;
-- open until midnight and from midnight is one opening; next_close finds its end
SELECT next_close('sun 22:00-24:00; mon 00:00-06:00', '2026-12-27 23:00+00') AS over_midnight,
       next_close('mon-fri 00:00-24:00', '2026-12-22 12:00+00') AS friday_night,
       next_close('mon-fri 00:00-24:00; closed 2026-12-24', '2026-12-22 12:00+00') AS holiday_eve,
       next_close('24/7; closed 2030-01-01', '2026-12-22 12:00+00') AS years_ahead,
       next_open('sat 10:00-11:00; closed 2026-12-26, 2027-01-02', '2026-12-22 12:00+00') AS skips_two;
-- cost does not grow with the span: a span of centuries is still exact
SELECT business_time('mon-fri 09:00-17:00', '2000-01-03', '2400-01-03') = interval '1 hour' * 40 * 20871 AS four_centuries,
       business_time('24/7; tz Europe/Berlin', '1990-01-01', '2090-01-01') = '2090-01-01'::timestamptz - '1990-01-01' AS dst_century;

-- ===========================================================================
-- randomised properties, against a minute-by-minute brute force oracle
-- ===========================================================================
SELECT setseed(0.1412);
-- eight random calendars, each in a zone and a three-week window around a
-- daylight-saving change (Pacific/Apia: the day it skipped, 2011-12-30)
CREATE TEMP TABLE ocal (cal int PRIMARY KEY, zone text, win_from date, flags text);
INSERT INTO ocal VALUES
  (1, 'UTC', '2026-12-14', ''),
  (2, 'Europe/Berlin', '2026-03-16', ''),
  (3, 'Europe/Berlin', '2026-10-12', 'allday'),
  (4, 'America/New_York', '2026-02-23', ''),
  (5, 'America/New_York', '2026-10-19', 'allday'),
  (6, 'Australia/Lord_Howe', '2026-03-23', 'allday'),
  (7, 'Australia/Lord_Howe', '2026-09-21', ''),
  (8, 'Pacific/Apia', '2011-12-19', 'allday');
-- weekly ranges (dow 1 = monday) and exception-date ranges, in minutes of the day
CREATE TEMP TABLE orange (cal int, dow int, d date, s int, e int);
CREATE TEMP TABLE oclosed (cal int, d date);
DO $$
DECLARE
	c record;
	k int;
	b int[];
	od date;
BEGIN
	FOR c IN SELECT * FROM ocal ORDER BY cal LOOP
		FOR dow IN 1..7 LOOP
			IF random() < 0.15 THEN CONTINUE; END IF;              -- closed that weekday
			IF c.flags = 'allday' AND random() < 0.4 OR dow = 7 AND random() < 0.3 THEN
				INSERT INTO orange VALUES (c.cal, dow, NULL, 0, 1440);
				CONTINUE;
			END IF;
			k := 1 + floor(random() * 3)::int;
			IF dow = 7 THEN                                         -- near the change hour
				SELECT array_agg(m ORDER BY m) INTO b FROM (
					SELECT m FROM generate_series(0, 360) m ORDER BY random() LIMIT 2 * k) s;
			ELSE
				SELECT array_agg(m ORDER BY m) INTO b FROM (
					SELECT m FROM generate_series(0, 1440) m ORDER BY random() LIMIT 2 * k) s;
			END IF;
			FOR i IN 1..k LOOP
				INSERT INTO orange VALUES (c.cal, dow, NULL, b[2 * i - 1], b[2 * i]);
			END LOOP;
		END LOOP;
		-- two closed dates and two exceptional openings in the window (one on the change day)
		INSERT INTO oclosed SELECT DISTINCT c.cal, c.win_from + floor(random() * 21)::int FROM generate_series(1, 2);
		FOR j IN 1..2 LOOP
			od := CASE WHEN j = 1 THEN c.win_from + 13 ELSE c.win_from + floor(random() * 21)::int END;
			CONTINUE WHEN EXISTS (SELECT 1 FROM oclosed WHERE cal = c.cal AND d = od)
			           OR EXISTS (SELECT 1 FROM orange WHERE cal = c.cal AND d = od);
			k := 1 + floor(random() * 2)::int;
			SELECT array_agg(m ORDER BY m) INTO b FROM (
				SELECT m FROM generate_series(0, 1440, 10) m ORDER BY random() LIMIT 2 * k) s;
			FOR i IN 1..k LOOP
				INSERT INTO orange VALUES (c.cal, NULL, od, b[2 * i - 1], b[2 * i]);
			END LOOP;
		END LOOP;
	END LOOP;
END
$$;
-- the text form of each calendar, built from the tables
CREATE TEMP TABLE ohours AS
SELECT c.cal, c.zone, c.win_from, (concat_ws('; ',
         (SELECT string_agg(format('%s %s', (ARRAY['mon','tue','wed','thu','fri','sat','sun'])[dow], r), '; ')
          FROM (SELECT dow, string_agg(to_char(make_time(s / 60, s % 60, 0), 'HH24:MI') || '-' ||
                       CASE WHEN e = 1440 THEN '24:00' ELSE to_char(make_time(e / 60, e % 60, 0), 'HH24:MI') END, ', ') AS r
                FROM orange WHERE cal = c.cal AND dow IS NOT NULL GROUP BY dow) w),
         'tz ' || c.zone,
         (SELECT 'closed ' || string_agg(d::text, ', ') FROM oclosed WHERE cal = c.cal),
         (SELECT string_agg(format('open %s %s', d, r), '; ')
          FROM (SELECT d, string_agg(to_char(make_time(s / 60, s % 60, 0), 'HH24:MI') || '-' ||
                       CASE WHEN e = 1440 THEN '24:00' ELSE to_char(make_time(e / 60, e % 60, 0), 'HH24:MI') END, ', ') AS r
                FROM orange WHERE cal = c.cal AND d IS NOT NULL GROUP BY d) o)))::business_hours AS h
FROM ocal c;
SELECT cal, h FROM ohours ORDER BY cal;
-- the oracle: every minute of the window, open or not by the tables alone, and the
-- number of open minutes before it (minute N of the window closes it)
-- the ranges in force on each local date: none when closed, an exception date's
-- own, else its weekday's
CREATE TEMP TABLE odayr AS
SELECT o.cal, gd::date AS d, r.s, r.e
FROM ocal o, generate_series(o.win_from - 2, o.win_from + 23, '1 day') gd,
     LATERAL (SELECT x.s, x.e FROM orange x WHERE x.cal = o.cal AND x.d = gd::date
              UNION ALL
              SELECT x.s, x.e FROM orange x WHERE x.cal = o.cal AND x.dow = extract(isodow FROM gd)
                AND NOT EXISTS (SELECT 1 FROM orange y WHERE y.cal = o.cal AND y.d = gd::date)) r
WHERE NOT EXISTS (SELECT 1 FROM oclosed c WHERE c.cal = o.cal AND c.d = gd::date);
CREATE INDEX ON odayr (cal, d);
ANALYZE odayr;
CREATE TEMP TABLE olocalmin AS
SELECT o.cal, i, t, l::date AS ld, (date_part('hour', l) * 60 + date_part('minute', l))::int AS tod
FROM ocal o,
     LATERAL (SELECT o.win_from::timestamp AT TIME ZONE o.zone AS t0) w,
     LATERAL generate_series(0, 21 * 1440) AS i,
     LATERAL (SELECT w.t0 + i * interval '1 minute' AS t) tt,
     LATERAL (SELECT tt.t AT TIME ZONE o.zone AS l) ll;
ANALYZE olocalmin;
CREATE TEMP TABLE ominute AS
SELECT cal, i, t, open, (sum(open::int) OVER (PARTITION BY cal ORDER BY i) - open::int)::int AS before
FROM (SELECT m.cal, m.i, m.t, x.cal IS NOT NULL AS open      -- ranges of a date are disjoint
      FROM olocalmin m
      LEFT JOIN odayr x ON x.cal = m.cal AND x.d = m.ld AND m.tod >= x.s AND m.tod < x.e) m;
CREATE INDEX ON ominute (cal, i);
CREATE INDEX ON ominute (cal, before, i);
ANALYZE ominute;
-- the windows hold their zone's changes: local days that are not 1440 minutes long
-- (Pacific/Apia skipped 2011-12-30 altogether)
CREATE TEMP TABLE olocal AS
SELECT o.cal, (m.t AT TIME ZONE o.zone)::date AS d, count(*) AS n
FROM ocal o JOIN ominute m USING (cal) WHERE m.i < 21 * 1440 GROUP BY 1, 2;
SELECT o.cal, o.zone,
       (SELECT string_agg(format('%s: %s', to_char(d, 'YYYY-MM-DD'), n), ', ') FROM olocal l WHERE l.cal = o.cal AND n <> 1440
          AND d > o.win_from AND d < o.win_from + 20) AS odd_days,
       (SELECT string_agg(to_char(gd, 'YYYY-MM-DD'), ', ') FROM generate_series(o.win_from, o.win_from + 20, '1 day') gd
        WHERE NOT EXISTS (SELECT 1 FROM olocal l WHERE l.cal = o.cal AND l.d = gd::date)) AS skipped
FROM ocal o ORDER BY 1;
-- 4000 random spans (either direction); business_time = brute-force count
CREATE TEMP TABLE ospan AS
SELECT 1 + (k % 8) AS cal, floor(random() * 21 * 1440)::int AS i, floor(random() * 21 * 1440)::int AS j
FROM generate_series(0, 3999) k;
SELECT count(*) AS spans,
       count(*) FILTER (WHERE b.before <> a.before) AS with_work,
       count(*) FILTER (WHERE business_time(h.h, a.t, b.t) <> (b.before - a.before) * interval '1 minute') AS wrong
FROM ospan s JOIN ohours h USING (cal)
JOIN ominute a ON a.cal = s.cal AND a.i = s.i JOIN ominute b ON b.cal = s.cal AND b.i = s.j;
-- is_open, next_open, next_close at 4000 random minutes (and 30 s into them)
SELECT count(*) AS instants,
       count(*) FILTER (WHERE is_open(h.h, a.t) IS DISTINCT FROM a.open
                           OR is_open(h.h, a.t + interval '30 s') IS DISTINCT FROM a.open) AS wrong_is_open,
       count(*) FILTER (WHERE nx.t IS NOT NULL AND next_open(h.h, a.t) IS DISTINCT FROM nx.t) AS wrong_next_open,
       count(*) FILTER (WHERE nc.t IS NOT NULL AND next_close(h.h, a.t) IS DISTINCT FROM nc.t) AS wrong_next_close,
       count(*) FILTER (WHERE nx.t IS NOT NULL AND nx.t <> a.t) AS closed_instants,
       count(*) FILTER (WHERE nc.t IS NOT NULL AND nc.t <> a.t) AS open_instants
FROM ospan s JOIN ohours h USING (cal)
JOIN ominute a ON a.cal = s.cal AND a.i = s.i
LEFT JOIN LATERAL (SELECT m.t FROM ominute m WHERE m.cal = s.cal AND m.i >= s.i AND m.open ORDER BY m.i LIMIT 1) nx ON true
LEFT JOIN LATERAL (SELECT m.t FROM ominute m WHERE m.cal = s.cal AND m.i >= s.i AND NOT m.open ORDER BY m.i LIMIT 1) nc ON true;
-- business_add of a random number of minutes: the minute at which that much work is done
SELECT count(*) AS adds,
       count(*) FILTER (WHERE business_add(h.h, a.t, w * interval '1 minute') <> due.t) AS wrong
FROM (SELECT cal, i, 1 + floor(random() * 3000)::int AS w FROM ospan) s
JOIN ohours h USING (cal)
JOIN ominute a ON a.cal = s.cal AND a.i = s.i
JOIN LATERAL (SELECT m.t FROM ominute m WHERE m.cal = s.cal AND m.before >= a.before + s.w
              ORDER BY m.before, m.i LIMIT 1) due ON true;
-- inverse and additivity on instants with random seconds, spans up to a year
CREATE TEMP TABLE oprop AS
SELECT h.h, t, w, t + (random() - 0.5) * interval '200 days' AS u, t + (random() - 0.5) * interval '400 days' AS v
FROM (SELECT 1 + (k % 8) AS cal, timestamptz '2026-01-01' + random() * interval '365 days' AS t,
             date_trunc('second', random() * interval '2000 hours') AS w
      FROM generate_series(0, 3999) k) s JOIN ohours h USING (cal);
SELECT count(*) AS cases,
       count(*) FILTER (WHERE business_time(h, t, business_add(h, t, w)) <> w) AS inverse_wrong,
       count(*) FILTER (WHERE business_time(h, t, u) + business_time(h, u, v) <> business_time(h, t, v)) AS additivity_wrong,
       count(*) FILTER (WHERE business_time(h, t, v) <> -business_time(h, v, t)) AS antisymmetry_wrong,
       count(*) FILTER (WHERE business_add(h, t, '0') <> next_open(h, t)) AS zero_not_next_open,
       count(*) FILTER (WHERE next_close(h, next_open(h, t)) <= next_open(h, t)) AS empty_opening
FROM oprop;

-- the support functions, called directly, are the operators, hashes and I/O they implement
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE business_hours_eq(a, b) IS DISTINCT FROM (a = b)) AS eq_differs,
       count(*) FILTER (WHERE business_hours_ne(a, b) IS DISTINCT FROM (a <> b)) AS ne_differs,
       count(*) FILTER (WHERE a = b) AS equal_pairs,
       count(*) FILTER (WHERE a = b AND (business_hours_hash(a) <> business_hours_hash(b)
                                         OR business_hours_hash_extended(a, 7) <> business_hours_hash_extended(b, 7)))
         AS equal_but_hash_differs,
       count(*) FILTER (WHERE business_hours_out(business_hours_in(business_hours_out(a), 'business_hours'::regtype, -1))::text
                              IS DISTINCT FROM a::text) AS text_round_trip_differs
FROM (VALUES ('mon-fri 09:00-17:00'::business_hours), ('24/7'), ('sat 10:00-14:00; tz Europe/Berlin')) x(a),
     (VALUES ('Mon-Tue 09:00-17:00; wed-fri 09:00-17:00; tz UTC'::business_hours), ('mon-sun 00:00-24:00'),
             ('sat 10:00-14:00; tz Europe/Berlin; closed 2026-12-26')) y(b);
-- the type and its hash class use them (recv takes internal: the catalog says it)
SELECT t.typinput = 'business_hours_in'::regproc AS input, t.typoutput = 'business_hours_out'::regproc AS output,
       t.typreceive = 'business_hours_recv'::regproc AS recv, t.typsend = 'business_hours_send'::regproc AS send
FROM pg_type t WHERE t.oid = 'business_hours'::regtype;
SELECT ap.amprocnum, ap.amproc
FROM pg_opclass opc JOIN pg_amproc ap ON ap.amprocfamily = opc.opcfamily
WHERE opc.opcname = 'business_hours_hash_ops' ORDER BY 1;

-- NULL passes through (STRICT), in every argument
SELECT business_time(NULL, '2026-01-05 10:00+00', '2026-01-05 12:00+00') IS NULL AS time_h,
       business_time('24/7', NULL, '2026-01-05 12:00+00') IS NULL AS time_from,
       business_time('24/7', '2026-01-05 10:00+00', NULL) IS NULL AS time_to,
       business_add(NULL, '2026-01-05 10:00+00', '1 hour') IS NULL AS add_h,
       business_add('24/7', NULL, '1 hour') IS NULL AS add_from,
       business_add('24/7', '2026-01-05 10:00+00', NULL) IS NULL AS add_work,
       is_open(NULL, '2026-01-05 10:00+00') IS NULL AS open_h, is_open('24/7', NULL) IS NULL AS open_at,
       next_open(NULL, '2026-01-05 10:00+00') IS NULL AS next_open_h,
       next_close('24/7', NULL) IS NULL AS next_close_at;
