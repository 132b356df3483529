-- test/demo/27_sentiment.sql: how customers feel, scored from what they wrote
-- (sentiment, sentiment_label), by channel and agent, against the CSAT answers of
-- the surveyed contacts, and a CSAT estimate from sentiment for the unsurveyed.
--
-- The scorer reads only the subject of each inbound contact.
\set QUIET on
CREATE TEMP TABLE felt AS
SELECT id, channel, agent, kind, csat_score, subject, sentiment(subject) AS s,
       sentiment_label(subject) AS label
FROM interactions WHERE direction = 'inbound';
\set QUIET off

\echo
\echo '-- Sentiment of what customers wrote: sentiment(subject) ----------------------'
SELECT id, subject, round(s::numeric, 2) AS sentiment, label
FROM felt WHERE id % 1499 = 2 ORDER BY id LIMIT 8;

\echo '-- Sentiment by channel, with CSAT -------------------------------------------'
SELECT channel, count(*) AS contacts, round(avg(s)::numeric, 3) AS mean_sentiment,
       round(100.0 * count(*) FILTER (WHERE label = 'negative') / count(*), 1) AS "negative %",
       round(100.0 * count(*) FILTER (WHERE label = 'positive') / count(*), 1) AS "positive %",
       round(csat(survey_agg(csat_score))::numeric, 1) AS "csat %"
FROM felt GROUP BY channel ORDER BY avg(s);

\echo '-- Agents: the five with the most negative and the five with the most positive contacts'
SELECT agent, contacts, mean_sentiment, "negative %", "csat %" FROM (
  SELECT agent, count(*) AS contacts, round(avg(s)::numeric, 3) AS mean_sentiment,
         round(100.0 * count(*) FILTER (WHERE label = 'negative') / count(*), 1) AS "negative %",
         round(csat(survey_agg(csat_score))::numeric, 1) AS "csat %",
         rank() OVER (ORDER BY avg(s)) AS lo, rank() OVER (ORDER BY avg(s) DESC) AS hi
  FROM felt WHERE agent IS NOT NULL GROUP BY agent) a
WHERE lo <= 5 OR hi <= 5 ORDER BY mean_sentiment;

\echo '-- Sentiment against CSAT on the surveyed contacts ----------------------------'
SELECT count(*) AS surveyed, round(corr(s, csat_score)::numeric, 3) AS "corr(sentiment, csat)",
       round(regr_slope(csat_score, s)::numeric, 3) AS slope,
       round(regr_intercept(csat_score, s)::numeric, 3) AS intercept
FROM felt WHERE csat_score IS NOT NULL;
SELECT label, count(*) AS surveyed, round(avg(csat_score)::numeric, 2) AS mean_csat,
       round(100.0 * count(*) FILTER (WHERE csat_score >= 4) / count(*), 1) AS "satisfied %"
FROM felt WHERE csat_score IS NOT NULL GROUP BY label ORDER BY label;

\echo '-- A CSAT proxy for the unsurveyed: share satisfied by sentiment label, applied'
\echo '-- to the unsurveyed contacts of each channel, next to its surveyed CSAT (the'
\echo '-- sample writes subjects from the kind of contact, not the channel: the proxy is flat)'
WITH by_label AS (
  SELECT label, avg((csat_score >= 4)::int) AS p_satisfied
  FROM felt WHERE csat_score IS NOT NULL GROUP BY label)
SELECT f.channel,
       count(*) FILTER (WHERE f.csat_score IS NULL) AS unsurveyed,
       round(100 * avg(b.p_satisfied) FILTER (WHERE f.csat_score IS NULL), 1) AS "proxy csat %",
       count(*) FILTER (WHERE f.csat_score IS NOT NULL) AS surveyed,
       round(csat(survey_agg(f.csat_score))::numeric, 1) AS "surveyed csat %"
FROM felt f JOIN by_label b USING (label)
GROUP BY f.channel ORDER BY f.channel;
