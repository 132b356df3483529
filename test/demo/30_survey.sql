-- test/demo/30_survey.sql: NPS, CSAT and CES by channel and by month, with 95 %
-- confidence intervals, from one survey_summary per group (survey_agg), read by
-- the accessors; months are a rollup of stored daily summaries.
\echo
\echo '-- Survey scores by channel: NPS with 95 % CI (adjusted Wald), CSAT, CES ----'
SELECT channel, responses(s) AS n, round(nps(s)::numeric, 1) AS nps,
       '[' || round(ci.low::numeric, 1) || ', ' || round(ci.high::numeric, 1) || ']' AS nps_95ci,
       round(csat(c)::numeric, 1) AS "csat %", round(ces(e)::numeric, 2) AS ces,
       round(ces_easy(e)::numeric, 1) AS "easy %",
       repeat('█', greatest(0, round((nps(s) + 100) / 8))::int) AS "NPS -100 … 100"
FROM (SELECT channel, survey_agg(nps_score) AS s, survey_agg(csat_score) AS c,
             survey_agg(ces_score) AS e
      FROM interactions GROUP BY channel) g,
     LATERAL nps_ci(s) AS ci
WHERE s IS NOT NULL
ORDER BY nps(s) DESC;

\echo '-- Two-step: daily summaries stored once, months rolled up from them --------'
\set QUIET on
CREATE TEMP TABLE daily_survey AS
SELECT at::date AS day, channel, survey_agg(nps_score) AS nps_s,
       survey_agg(csat_score) AS csat_s, survey_agg(ces_score) AS ces_s
FROM interactions GROUP BY 1, 2;
\set QUIET off
SELECT to_char(date_trunc('month', day), 'YYYY-MM') AS month, responses(rollup(nps_s)) AS n,
       round(nps(rollup(nps_s))::numeric, 1) AS nps,
       round(nps_stderr(rollup(nps_s))::numeric, 1) AS "± se",
       '[' || round((nps_ci(rollup(nps_s))).low::numeric, 1) || ', '
           || round((nps_ci(rollup(nps_s))).high::numeric, 1) || ']' AS nps_95ci,
       round(csat(rollup(csat_s))::numeric, 1) AS "csat %",
       round(ces(rollup(ces_s))::numeric, 2) AS ces
FROM daily_survey GROUP BY 1 ORDER BY 1;

\echo '-- Does each channel''s NPS differ from phone''s? (two-sided p-value) -------'
WITH c AS (SELECT channel, rollup(nps_s) AS s FROM daily_survey GROUP BY channel
           HAVING responses(rollup(nps_s)) >= 30)
SELECT a.channel AS channel, b.channel AS against, round(nps(a.s)::numeric, 1) AS nps,
       round(nps(b.s)::numeric, 1) AS nps_against,
       CASE WHEN nps_diff_pvalue(a.s, b.s) < 0.0001 THEN '< 0.0001'
            ELSE round(nps_diff_pvalue(a.s, b.s)::numeric, 4)::text END AS p_value,
       CASE WHEN nps_diff_pvalue(a.s, b.s) < 0.05 THEN 'significant' ELSE 'could be chance' END AS verdict
FROM c a, c b
WHERE b.channel = 'phone' AND a.channel <> 'phone'
ORDER BY nps(a.s) DESC;

\echo '-- Rolling 28-day NPS, all channels, every Sunday (rollup as a window) -------'
\echo '   the billing-system change of 7 September, and the recovery; bar: NPS + 50'
SELECT day, round(nps_28d::numeric, 1) AS nps_28d, n_28d,
       round(billing_28d::numeric, 1) AS billing_28d,
       repeat('▒', greatest(0, round((nps_28d + 50) / 2))::int) AS " "
FROM (SELECT day, nps(rollup(s) OVER w) AS nps_28d, responses(rollup(s) OVER w) AS n_28d,
             nps(rollup(b) OVER w) AS billing_28d
      FROM (SELECT d.day, rollup(d.nps_s) AS s, rollup(t.s) AS b
            FROM daily_survey d
            LEFT JOIN (SELECT at::date AS day, survey_agg(nps_score) AS s FROM interactions
                       WHERE topic = 'billing' GROUP BY 1) t USING (day)
            GROUP BY d.day) d
      WINDOW w AS (ORDER BY day RANGE BETWEEN '27 days' PRECEDING AND CURRENT ROW)) r
WHERE extract(dow FROM day) = 0 AND day >= '2026-06-28'
ORDER BY day;
