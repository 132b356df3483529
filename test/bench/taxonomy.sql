-- Taxonomy types against the text columns users keep instead.
-- setup
DROP TABLE IF EXISTS bench_taxonomy;
CREATE TABLE bench_taxonomy AS
SELECT (interaction_channel_labels())[1 + (i::bigint * 7919) % 13] AS channel,
       ((interaction_channel_labels())[1 + (i::bigint * 7919) % 13])::text AS channel_text
FROM generate_series(1, 2000000) AS i;
VACUUM ANALYZE bench_taxonomy;
-- runs: 5
-- bench: GROUP BY interaction_channel, 2M rows, vs GROUP BY text | target <= 1.0
-- ours
SELECT channel, count(*) FROM bench_taxonomy GROUP BY channel;
-- theirs
SELECT channel_text, count(*) FROM bench_taxonomy GROUP BY channel_text;
-- bench: ORDER BY interaction_channel, 2M rows, vs ORDER BY text | target <= 1.0
-- ours
SELECT count(*) FROM (SELECT channel FROM bench_taxonomy ORDER BY channel OFFSET 0) s;
-- theirs
SELECT count(*) FROM (SELECT channel_text FROM bench_taxonomy ORDER BY channel_text OFFSET 0) s;
-- bench: text input of interaction_channel, 2M rows, vs lower(text) | target <= 1.5
-- ours
SELECT count(channel_text::interaction_channel) FROM bench_taxonomy;
-- theirs
SELECT count(lower(channel_text)) FROM bench_taxonomy;
-- bench: comparison, WHERE interaction_channel > label, 2M rows, vs text | target <= 1.0
-- ours
SELECT count(*) FROM bench_taxonomy WHERE channel > 'messaging';
-- theirs
SELECT count(*) FROM bench_taxonomy WHERE channel_text > 'messaging';
