-- test/demo/10_stages.sql: touchpoints by classified journey stage, interactions by channel.
\echo
\echo '-- Touchpoints by journey stage (classify_stage(touchpoint)) ------------------'
SELECT coalesce(stage::text, '(unclassified)') AS stage, n AS touchpoints,
       round(100.0 * n / sum(n) OVER (), 1) AS pct,
       repeat('█', round(50.0 * n / max(n) OVER ())::int) AS " "
FROM (SELECT classify_stage(touchpoint) AS stage, count(*) AS n
      FROM touchpoints GROUP BY 1) s
ORDER BY s.stage NULLS LAST;

\echo '-- Interactions by channel --------------------------------------------------'
SELECT channel, is_automated(channel) AS automated, count(*) AS interactions,
       count(*) FILTER (WHERE direction = 'outbound') AS outbound,
       count(*) FILTER (WHERE urgency = 'critical') AS critical,
       mode() WITHIN GROUP (ORDER BY kind) AS typical_kind,
       repeat('▒', round(40.0 * count(*) / max(count(*)) OVER ())::int) AS " "
FROM interactions GROUP BY channel ORDER BY channel;
