-- Small versions of the tables the README's five-minute tour reads (a stand-in for
-- the sample data set: switch the tour's tag to it once 'make sample' exists).
CREATE TABLE interactions AS
SELECT i % 40 AS customer_id, (ARRAY['billing', 'delivery', 'login'])[1 + i % 3] AS topic,
       (ARRAY['phone', 'chat', 'email', 'web'])[1 + i % 4]::interaction_channel AS channel,
       i % 11 AS nps_score,
       timestamptz '2026-09-01 08:00+00' + i * interval '5 hours' AS at
FROM generate_series(1, 600) i;
CREATE TABLE tickets AS
SELECT (ARRAY['Refund please, charged twice', 'App crashes on login - urgent',
              'Great service, thanks!', 'How do I change my address?'])[1 + i % 4] AS subject,
       (ARRAY['phone', 'chat', 'email'])[1 + i % 3]::interaction_channel AS channel,
       timestamptz '2026-10-05 07:00+00' + i * interval '3 hours' AS created_at,
       timestamptz '2026-10-05 07:00+00' + i * interval '3 hours' + (i % 9) * interval '1 hour' AS first_response_at
FROM generate_series(1, 200) i;
CREATE TABLE touchpoints AS
SELECT i % 30 AS customer_id, timestamptz '2026-06-01 00:00+00' + i * interval '11 hours' AS at,
       (ARRAY['awareness', 'consideration', 'acquisition', 'retention'])[1 + i % 13 % 4]::journey_stage AS stage,
       (ARRAY['social', 'web', 'email', 'phone'])[1 + i % 4]::interaction_channel AS channel
FROM generate_series(1, 300) i;
CREATE TABLE events AS
SELECT i % 60 AS user_id, timestamptz '2026-07-01 00:00+00' + i * interval '37 minutes' AS at,
       (ARRAY['visit', 'signup', 'purchase'])[1 + i % 7 % 3] AS event
FROM generate_series(1, 900) i;
CREATE TABLE calls AS
SELECT timestamptz '2026-01-05 08:00+00' + i * interval '2 minutes' AS at,
       (120 + i % 200) * interval '1 second' AS handle_time
FROM generate_series(1, 500) i;
