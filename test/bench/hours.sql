-- Business hours: business_time() against plain "to - from" (the floor: one
-- subtraction per row) and against the generate_series query a user writes
-- instead (one row per calendar day, clipped to the opening hours, weekends and
-- holidays left out).  Spans start anywhere in 2026 and last up to a year, in
-- Europe/Berlin with its holidays.  The generate_series side cannot do a million
-- spans of up to a year in a sensible time, so that comparison runs both sides
-- on the same first 10,000 rows (both give the same sum: checked by hand).
-- The calendar literal is a constant, parsed once per query.
-- setup
DROP TABLE IF EXISTS bench_hours, bench_hours_10k, bench_holidays;
SELECT setseed(0.75);
CREATE TABLE bench_hours AS
SELECT f, f + random() * interval '365 days' AS t
FROM (SELECT timestamptz '2026-01-01 00:00+00' + random() * interval '365 days' AS f
      FROM generate_series(1, 1000000)) s;
CREATE TABLE bench_hours_10k AS SELECT * FROM bench_hours LIMIT 10000;
CREATE TABLE bench_holidays (d date PRIMARY KEY);
INSERT INTO bench_holidays VALUES ('2026-01-01'), ('2026-04-03'), ('2026-04-06'), ('2026-05-01'),
  ('2026-05-14'), ('2026-05-25'), ('2026-10-03'), ('2026-12-24'), ('2026-12-25'), ('2026-12-26'),
  ('2027-01-01'), ('2027-03-26'), ('2027-03-29'), ('2027-05-01'), ('2027-05-06'), ('2027-05-17'),
  ('2027-10-03'), ('2027-12-24'), ('2027-12-25'), ('2027-12-26');
VACUUM ANALYZE bench_hours, bench_hours_10k, bench_holidays;
-- runs: 5
-- bench: business_time, 1M spans up to a year, vs to - from | target <= 10
-- ours
SELECT sum(business_time('mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-01-01, 2026-04-03, 2026-04-06, 2026-05-01, 2026-05-14, 2026-05-25, 2026-10-03, 2026-12-24, 2026-12-25, 2026-12-26, 2027-01-01, 2027-03-26, 2027-03-29, 2027-05-01, 2027-05-06, 2027-05-17, 2027-10-03, 2027-12-24, 2027-12-25, 2027-12-26', f, t)) FROM bench_hours;
-- theirs
SELECT sum(t - f) FROM bench_hours;
-- bench: business_time vs generate_series over days, the same 10k spans | target <= 0.02
-- ours
SELECT sum(business_time('mon-fri 09:00-17:00; tz Europe/Berlin; closed 2026-01-01, 2026-04-03, 2026-04-06, 2026-05-01, 2026-05-14, 2026-05-25, 2026-10-03, 2026-12-24, 2026-12-25, 2026-12-26, 2027-01-01, 2027-03-26, 2027-03-29, 2027-05-01, 2027-05-06, 2027-05-17, 2027-10-03, 2027-12-24, 2027-12-25, 2027-12-26', f, t)) FROM bench_hours_10k;
-- theirs
SELECT sum((SELECT sum(least(g::date + time '17:00', lt) - greatest(g::date + time '09:00', lf))
            FROM generate_series(lf::date, lt::date, interval '1 day') AS g
            WHERE extract(isodow FROM g) < 6
              AND NOT EXISTS (SELECT 1 FROM bench_holidays h WHERE h.d = g::date)
              AND least(g::date + time '17:00', lt) > greatest(g::date + time '09:00', lf)))
FROM (SELECT f AT TIME ZONE 'Europe/Berlin' AS lf, t AT TIME ZONE 'Europe/Berlin' AS lt
      FROM bench_hours_10k) s;
