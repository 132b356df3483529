-- The tables the sharding recipes of doc/scaling.md and doc/survey.md query, in one
-- local database: what a shard holds (the coordinator runs the same queries over
-- the foreign partitions).
CREATE EXTENSION IF NOT EXISTS interaction;
CREATE TABLE contacts AS
SELECT i % 50 AS customer,
       (ARRAY['phone', 'chat', 'email'])[1 + i % 3]::interaction_channel AS channel,
       i % 11 AS score,
       timestamptz '2026-05-01 00:00+00' + i * interval '7 hours' AS at,
       (ARRAY['awareness', 'consideration', 'acquisition'])[1 + i % 7 % 3]::journey_stage AS stage
FROM generate_series(1, 500) i;
CREATE TABLE responses AS
SELECT 1 + customer % 2 AS shard, * FROM contacts;
