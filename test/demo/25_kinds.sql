-- test/demo/25_kinds.sql: what each interaction is about and how urgent it is,
-- classified from its text (classify_kind, classify_urgency), next to its NPS.
--
-- The sample's inbound contacts carry a subject written the way customers write
-- (varied wording, sloppy case and punctuation, some negations) and the kind and
-- urgency the agent recorded; the classifiers read only the subject.
\set QUIET on
CREATE TEMP VIEW tickets AS
SELECT id, kind, urgency, channel, nps_score, subject
FROM interactions WHERE direction = 'inbound';
\set QUIET off

\echo
\echo '-- What interactions are about: classify_kind(subject), with NPS ---------------'
SELECT t.id, t.subject, classify_kind(t.subject) AS kind, classify_urgency(t.subject) AS urgency
FROM tickets t WHERE t.id % 997 = 1 ORDER BY t.id LIMIT 8;

SELECT coalesce(kind::text, '(none)') AS classified_kind, count(*) AS interactions,
       round(100.0 * count(*) FILTER (WHERE kind = recorded) / count(*), 1) AS "agrees %",
       responses(survey_agg(nps_score)) AS nps_n, round(nps(survey_agg(nps_score))::numeric, 1) AS nps,
       repeat('█', round(40.0 * count(*) / max(count(*)) OVER ())::int) AS " "
FROM (SELECT classify_kind(subject) AS kind, kind AS recorded, nps_score FROM tickets) s
GROUP BY kind ORDER BY kind NULLS LAST;

\echo '-- How urgent: classify_urgency(subject), with NPS -----------------------------'
SELECT coalesce(urgency::text, '(none stated)') AS classified_urgency, count(*) AS interactions,
       round(100.0 * count(*) FILTER (WHERE urgency = recorded) / count(*), 1) AS "agrees %",
       mode() WITHIN GROUP (ORDER BY recorded) AS "mostly recorded as",
       responses(survey_agg(nps_score)) AS nps_n, round(nps(survey_agg(nps_score))::numeric, 1) AS nps,
       repeat('▒', round(40.0 * count(*) / max(count(*)) OVER ())::int) AS " "
FROM (SELECT classify_urgency(subject) AS urgency, urgency AS recorded, nps_score FROM tickets) s
GROUP BY urgency ORDER BY urgency DESC NULLS LAST;

\echo '-- Classified kind against the recorded one ------------------------------------'
SELECT kind AS recorded,
       count(*) FILTER (WHERE c = 'inquiry') AS inquiry, count(*) FILTER (WHERE c = 'support') AS support,
       count(*) FILTER (WHERE c = 'complaint') AS complaint, count(*) FILTER (WHERE c = 'feedback') AS feedback,
       count(*) FILTER (WHERE c = 'compliment') AS compliment, count(*) FILTER (WHERE c IS NULL) AS "(none)"
FROM (SELECT kind, classify_kind(subject) AS c FROM tickets) s
GROUP BY kind ORDER BY kind;
