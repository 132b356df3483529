-- test/demo/55_skills.sql: skills-based routing.  Each agent's skillset is built from
-- experience (a level 1-10 per topic and per channel: the agent's decile among agents by
-- contacts handled), then a few waiting tasks are matched to the best-fitting agent.
\set QUIET on
CREATE TEMP TABLE agent_skills AS
SELECT agent, skillset(array_agg(skill), array_agg(level)) AS skills
FROM (SELECT agent, topic AS skill, ntile(10) OVER (PARTITION BY topic ORDER BY count(*), agent) AS level
      FROM interactions WHERE agent IS NOT NULL GROUP BY agent, topic
      UNION ALL
      SELECT agent, channel::text, ntile(10) OVER (PARTITION BY channel ORDER BY count(*), agent)
      FROM interactions WHERE agent IS NOT NULL GROUP BY agent, channel) s
GROUP BY agent;
CREATE INDEX ON agent_skills USING gin (skills);
\set QUIET off

\echo
\echo '-- Agent skills (level = decile of experience per topic and channel) -------'
SELECT agent, skills FROM agent_skills ORDER BY agent LIMIT 6;

\echo '-- Routing waiting tasks: qualified agents (skills @> required), best skill_fit'
SELECT t.task, t.required, count(a.agent) AS qualified,
       (array_agg(a.agent ORDER BY skill_fit(a.skills, t.required) DESC, a.agent))[1] AS best_agent,
       round(max(skill_fit(a.skills, t.required))::numeric, 3) AS fit
FROM (VALUES ('refund dispute by phone', 'billing:6, phone:5'::skillset),
             ('router will not connect (chat)', 'technical:8, chat:6'),
             ('lost parcel, email', 'delivery:4, email:3'),
             ('VIP account escalation', 'account:9, phone:9'),
             ('anything by video', 'video:1')) AS t(task, required)
LEFT JOIN agent_skills a ON a.skills @> t.required
GROUP BY t.task, t.required ORDER BY t.task;
