-- The table the README's quick start reads, before the extension exists: plain types.
CREATE TABLE interactions AS
SELECT (ARRAY['phone', 'chat', 'email'])[1 + i % 3] AS channel, i % 11 AS nps_score
FROM generate_series(1, 300) i;
