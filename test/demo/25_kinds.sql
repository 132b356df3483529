-- test/demo/25_kinds.sql: what each interaction is about and how urgent it is,
-- classified from its text (classify_kind, classify_urgency), next to its NPS.
--
-- The demo data set records a kind and an urgency per interaction but no text, so
-- this section writes a ticket subject for each one first, the way customers and
-- agents do (varied wording, sloppy case and punctuation, some negations), from the
-- recorded kind, urgency and topic; the classifiers then read only the text.
\set QUIET on
CREATE TEMP TABLE tickets AS
SELECT i.id, i.kind, i.urgency, i.channel, i.nps_score,
       CASE i.urgency
            WHEN 'critical' THEN (ARRAY['URGENT: ', 'asap - ', 'Emergency! ', '', 'Urgent '])[1 + i.id % 5]
            WHEN 'stabilizing' THEN (ARRAY['', '', 'Not urgent: ', 'fyi ', '', 'Re: '])[1 + i.id % 6]
            ELSE (ARRAY['', 'Re: ', ''])[1 + i.id % 3] END
       || format(CASE i.kind
            WHEN 'inquiry' THEN (ARRAY['Question about my %s', 'how do i change the %s details?',
                'What is the price of the %s add-on', 'need info on %s', 'is it possible to get %s in French',
                'When will the %s be ready??'])[1 + i.id % 6]
            WHEN 'support' THEN (ARRAY['%s page not working', 'Error when I open %s', 'app crashes on the %s screen',
                'can''t log in to see my %s', 'Help with %s please', '%s: sync is stuck'])[1 + i.id % 6]
            WHEN 'complaint' THEN (ARRAY['Unacceptable %s experience', 'I want a refund - %s was wrong',
                'overcharged on %s AGAIN', 'very disappointed with %s', 'rude agent about my %s',
                'still waiting on %s!!'])[1 + i.id % 6]
            WHEN 'feedback' THEN (ARRAY['Suggestion for the %s page', 'it would be nice to see %s history',
                'Feedback on %s', 'idea: a simpler %s form', 'please improve %s emails',
                'Not a complaint, just a suggestion about %s'])[1 + i.id % 6]
            ELSE (ARRAY['Thank you for your help with %s!', 'Great service on %s', 'kudos, %s sorted fast',
                'Excellent %s support', 'love the new %s page', 'thx, %s problem solved'])[1 + i.id % 6]
            END, i.topic)
       || CASE i.urgency
            WHEN 'critical' THEN (ARRAY['', ' - site is down', '', ' right now', ''])[1 + i.id / 7 % 5]
            WHEN 'planned' THEN (ARRAY[' - meeting next week', ' (scheduled call)', ', before my renewal',
                ' at the appointment', ''])[1 + i.id / 7 % 5]
            ELSE (ARRAY['', ' - no rush', '', '.', ' thanks'])[1 + i.id / 7 % 5] END AS subject
FROM interactions i;
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
