-- Skills lookup: which of 200k agents can take a task.  skillset with its GIN index
-- against the same query on an unindexed copy (a sequential scan), and against the
-- jsonb formulation users would otherwise write ({"billing": 7, ...} with a GIN index).
-- setup
DROP TABLE IF EXISTS bench_agents, bench_agents_noindex, bench_agents_jsonb;
SELECT setseed(0.25);
CREATE TABLE bench_agents AS
SELECT i AS id,
       (SELECT skillset(coalesce(array_agg(('{billing,spanish,french,german,italian,'
                  'portuguese,mandarin,japanese,arabic,hindi,tech_support,networking,hardware,'
                  'software,mobile,sales,upsell,retention,collections,refunds,fraud,compliance,'
                  'escalations,vip,onboarding,training,chat,email,voice,social,complaints,'
                  'returns,shipping,warranty,insurance,claims,mortgage,cards,loans,savings}'
                  ::text[])[1 + (random() * 39)::int]), '{}'),
                        coalesce(array_agg(1 + (random() * 9)::int), '{}'))
        FROM generate_series(1, 2 + (random() * 6)::int) WHERE i > 0) AS skills
FROM generate_series(1, 200000) AS i;
CREATE TABLE bench_agents_noindex AS TABLE bench_agents;
CREATE TABLE bench_agents_jsonb AS
SELECT id, (SELECT coalesce(jsonb_object_agg(skill, level), '{}') FROM skills(skills)) AS skills
FROM bench_agents;
CREATE INDEX ON bench_agents USING gin (skills);
CREATE INDEX ON bench_agents_jsonb USING gin (skills);
VACUUM ANALYZE bench_agents, bench_agents_noindex, bench_agents_jsonb;
-- runs: 7
-- bench: skills @> two skills, 200k agents, GIN vs seq scan | target <= 0.2
-- ours
SELECT count(*) FROM bench_agents WHERE skills @> 'billing:7, spanish:5';
-- theirs
SELECT count(*) FROM bench_agents_noindex WHERE skills @> 'billing:7, spanish:5';
-- bench: skills @> two skills, 200k agents, vs jsonb GIN ?& + levels | target <= 1.0
-- ours
SELECT count(*) FROM bench_agents WHERE skills @> 'billing:7, spanish:5';
-- theirs
SELECT count(*) FROM bench_agents_jsonb
WHERE skills ?& ARRAY['billing', 'spanish']
  AND (skills ->> 'billing')::int >= 7 AND (skills ->> 'spanish')::int >= 5;
-- bench: best agent (@> then skill_fit), 200k agents, vs jsonb | target <= 1.0
-- ours
SELECT id FROM bench_agents WHERE skills @> 'billing:7, spanish:5'
ORDER BY skill_fit(skills, 'billing:7, spanish:5') DESC, id LIMIT 1;
-- theirs
SELECT id FROM bench_agents_jsonb
WHERE skills ?& ARRAY['billing', 'spanish']
  AND (skills ->> 'billing')::int >= 7 AND (skills ->> 'spanish')::int >= 5
ORDER BY (SELECT sum(value::int) FROM jsonb_each_text(skills)), id LIMIT 1;
-- bench: skills @> one common skill, 200k agents, GIN vs seq scan | target <= 1.0
-- ours
SELECT count(*) FROM bench_agents WHERE skills @> 'chat:3';
-- theirs
SELECT count(*) FROM bench_agents_noindex WHERE skills @> 'chat:3';
