-- test/demo/00_data.sql: a generated but realistic data set for 'make demo'.
--
-- 3,000 customers over six months (May to October 2026). Each customer moves some
-- way along the journey (many stop early: a funnel), touching the company through
-- channels that suit the stage; about a third of the contacts are followed by a
-- survey. The same seed gives the same data every time.
\set QUIET on
SELECT setseed(0.20261125) \g /dev/null

CREATE TABLE touchpoint_names (stage int, name text);
INSERT INTO touchpoint_names VALUES
 (0, 'Ad Click - search campaign'), (0, 'Display ad impression'), (0, 'Webinar: getting started'),
 (0, 'Blog post read'), (0, 'Social post engagement'), (0, 'Podcast mention'), (0, 'Newsletter open'),
 (1, 'Pricing page visit'), (1, 'Free trial started'), (1, 'Product demo booked'), (1, 'Sales call'),
 (1, 'Case study download'), (1, 'Quote requested'), (1, 'Competitor comparison viewed'),
 (2, 'Checkout completed'), (2, 'Order placed'), (2, 'Contract signed'), (2, 'Onboarding call'),
 (2, 'Welcome email'), (2, 'Account activation'),
 (3, 'Support ticket opened'), (3, 'Billing question'), (3, 'Account review'), (3, 'Training session'),
 (3, 'Product update announcement'), (3, 'Renewal reminder'), (3, 'Satisfaction survey'), (3, 'Upsell offer'),
 (4, 'Referral sent'), (4, 'Product review posted'), (4, 'Testimonial recorded'),
 (4, 'Community forum answer'), (4, 'Loyalty program joined');

CREATE TABLE customers AS
SELECT c AS customer_id,
       timestamptz '2026-05-01 00:00+00' + random() * interval '175 days' AS first_seen,
       -- how far along the journey this customer gets: a funnel
       CASE WHEN r < 0.30 THEN 0 WHEN r < 0.50 THEN 1 WHEN r < 0.62 THEN 2
            WHEN r < 0.90 THEN 3 ELSE 4 END AS furthest,
       (ARRAY['basic', 'plus', 'enterprise'])[1 + floor(random() * 3)::int] AS plan
FROM (SELECT c, random() AS r FROM generate_series(1, 3000) AS c) s;

CREATE TABLE interactions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id int NOT NULL,
    at          timestamptz NOT NULL,
    channel     interaction_channel NOT NULL,
    kind        interaction_kind NOT NULL,
    urgency     interaction_urgency NOT NULL,
    direction   interaction_direction NOT NULL,
    touchpoint  text NOT NULL,
    topic       text,
    agent       text,
    nps_score   int,
    csat_score  int,
    ces_score   int
);

WITH steps AS (
    SELECT c.customer_id, c.first_seen, c.furthest, k, n
    FROM customers c,
         LATERAL (SELECT 3 + floor(random() * (4 + 4 * c.furthest))::int AS n) m,
         LATERAL generate_series(1, m.n) AS k
), placed AS (
    SELECT s.*,
           least(s.furthest, floor((s.k - 1) * (s.furthest + 1.0) / s.n))::int AS stage,
           s.first_seen + sum(random() ^ 3 * interval '9 days')
               OVER (PARTITION BY s.customer_id ORDER BY s.k) AS at,
           random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
    FROM steps s
)
INSERT INTO interactions (customer_id, at, channel, kind, urgency, direction, touchpoint,
                          topic, agent, nps_score, csat_score, ces_score)
SELECT p.customer_id, p.at, ch.channel,
       CASE WHEN p.stage < 2 THEN (CASE WHEN p.r2 < 0.8 THEN 'inquiry' ELSE 'feedback' END)
            WHEN p.r2 < 0.45 THEN 'support' WHEN p.r2 < 0.65 THEN 'inquiry'
            WHEN p.r2 < 0.80 THEN 'complaint' WHEN p.r2 < 0.92 THEN 'feedback'
            ELSE 'compliment' END::interaction_kind,
       CASE WHEN p.r3 < 0.70 THEN 'stabilizing' WHEN p.r3 < 0.92 THEN 'planned'
            ELSE 'critical' END::interaction_urgency,
       CASE WHEN p.stage < 2 AND p.r4 < 0.5 THEN 'outbound' WHEN p.r4 < 0.15 THEN 'outbound'
            ELSE 'inbound' END::interaction_direction,
       tp.name,
       (ARRAY['billing', 'delivery', 'account', 'technical', 'returns'])[1 + floor(p.r5 * 5)::int],
       CASE WHEN is_automated(ch.channel) THEN NULL
            ELSE 'agent_' || lpad((1 + floor(p.r1 * 1000)::int % 24)::text, 2, '0') END,
       -- surveys: a third answer; automated and slow channels score lower
       CASE WHEN random() < 0.33 THEN
            least(10, greatest(0, round(8.2 - ch.penalty + 2.6 * (random() + random() + random() - 1.5))))::int END,
       CASE WHEN random() < 0.30 THEN
            least(5, greatest(1, round(4.2 - ch.penalty / 2 + 1.3 * (random() + random() - 1))))::int END,
       CASE WHEN random() < 0.25 THEN
            least(7, greatest(1, round(5.6 - ch.penalty / 1.5 + 1.8 * (random() + random() - 1))))::int END
FROM placed p
CROSS JOIN LATERAL (
    SELECT name FROM touchpoint_names t WHERE t.stage = p.stage
    ORDER BY random() + p.r1 * 0 LIMIT 1) tp
CROSS JOIN LATERAL (
    SELECT c.channel, c.penalty FROM (VALUES
        ('phone'::interaction_channel, 0.0, 0.24), ('email', 0.8, 0.18), ('chat', 0.2, 0.16),
        ('messaging', 0.3, 0.08), ('social', 1.0, 0.05), ('web', 0.5, 0.10),
        ('chatbot', 1.6, 0.08), ('ivr', 2.2, 0.06), ('in_person', -0.4, 0.03),
        ('video', 0.1, 0.02)) AS c(channel, penalty, share)
    ORDER BY -ln(1 - random() + p.r2 * 0) / c.share LIMIT 1) ch
WHERE p.at < timestamptz '2026-11-01 00:00+00';

CREATE INDEX ON interactions (customer_id, at);
ANALYZE interactions;
\set QUIET off

\echo
\echo '================================================================================'
\echo '  interaction — customer-interaction analytics, in the database'
\echo '================================================================================'
SELECT count(DISTINCT customer_id) AS customers, count(*) AS interactions,
       min(at)::date AS "from", max(at)::date AS "to",
       count(nps_score) AS nps_answers, count(csat_score) AS csat_answers,
       count(ces_score) AS ces_answers
FROM interactions;
