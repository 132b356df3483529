--
-- io: one fault, one SQLSTATE, whatever the type (the input/output kit of
-- src/io.c serves every type's text input, binary receive and validator)
--
\i test/regress_helpers.sql
SET TimeZone = 'UTC';
SET DateStyle = 'ISO, YMD';

-- text input: syntax 22P02; a number out of its range 22003 (an integer too
-- large for any type, or outside its field); a timestamp as core reads it (22007
-- syntax, 22008 out of range, the same as the timestamptz input itself)
SELECT fault, typ, regexp_replace(pg_temp.error_of(format('SELECT %L::%s', input, typ)), ':.*', '') AS sqlstate
FROM (VALUES
  ('syntax', 'survey_summary', '{9:x}'),
  ('syntax', 'routing_priority', '(tier=x, level=0, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 10:00+00)'),
  ('syntax', 'skillset', 'billing:x'),
  ('syntax', 'journey_stage', 'nowhere'),
  ('syntax', 'interaction_channel', 'pigeon'),
  ('integer too large', 'survey_summary', '{9:99999999999999999999}'),
  ('integer too large', 'routing_priority', '(tier=99999999999999999999, level=0, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 10:00+00)'),
  ('integer too large', 'skillset', 'billing:99999999999999999999'),
  ('integer outside its field', 'survey_summary', '{scale:4294967301}'),
  ('integer outside its field', 'survey_summary', '{11:1}'),
  ('integer outside its field', 'routing_priority', '(tier=2147483648, level=0, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 10:00+00)'),
  ('integer outside its field', 'skillset', 'billing:4294967297'),
  ('integer outside its field', 'skillset', 'billing:11'),
  ('timestamp syntax', 'timestamptz', 'soon'),
  ('timestamp syntax', 'routing_priority', '(tier=0, level=0, enqueued=soon, virtual=2026-01-01 10:00+00)'),
  ('timestamp out of range', 'timestamptz', '2026-02-30 10:00+00'),
  ('timestamp out of range', 'routing_priority', '(tier=0, level=0, enqueued=2026-02-30 10:00+00, virtual=2026-01-01 10:00+00)')
) AS v(fault, typ, input)
ORDER BY fault, typ;

-- blanks: the same six characters (space, tab, newline, carriage return, form
-- feed, vertical tab) around every token of every type; here ~ stands for all
-- six at once
CREATE FUNCTION pg_temp.read_as(input text, typ text) RETURNS text LANGUAGE plpgsql AS $fn$
DECLARE
  result text;
BEGIN
  EXECUTE format('SELECT %L::%s::text', replace(input, '~', E' \t\n\r\f' || chr(11)), typ) INTO result;
  RETURN result;
END
$fn$;
SELECT typ, pg_temp.read_as(input, typ) AS value
FROM (VALUES
  ('survey_summary', '~{~9~:~1~,~w2~:~1~,~scale~:~10~}~'),
  ('routing_priority', '~(~tier~=~0~,~level~=~-2~,~enqueued=2026-01-01 10:00+00~,~virtual~=~2026-01-01 10:00+00~)~'),
  ('skillset', '~billing~:~4~,~spanish~:~+3~'),
  ('journey_stage', '~awareness~'),
  ('interaction_channel', '~in person~')
) AS v(typ, input)
ORDER BY typ;

-- binary input: every fault 22P03 (unknown version, bytes left over, empty)
CREATE TEMP TABLE sent (typ text, b bytea);
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM (VALUES ('survey_summary', '{9:1}'),
    ('routing_priority', '(tier=0, level=0, enqueued=2026-01-01 10:00+00, virtual=2026-01-01 10:00+00)'),
    ('skillset', 'billing:4'), ('path_events', 'forward head 0: 2026-01-01 10:00:00+00 b ''A'''), ('journey_stage', 'awareness'), ('interaction_kind', 'inquiry'),
    ('interaction_channel', 'chat'), ('interaction_urgency', 'planned'), ('interaction_direction', 'inbound')) v(typ, lit)
  LOOP
    EXECUTE format('INSERT INTO sent SELECT %L, %s(%L::%s)', r.typ,
                   (SELECT typsend FROM pg_type WHERE oid = r.typ::regtype), r.lit, r.typ);
  END LOOP;
END $$;
SELECT typ, f.fault,
       regexp_replace(pg_temp.binary_error(typ::regtype,
         CASE f.fault WHEN 'unknown version' THEN overlay(s.b PLACING '\x02' FROM 1 FOR 1)
                      WHEN 'bytes left over' THEN s.b || '\x00'::bytea
                      WHEN 'empty' THEN ''::bytea
                      ELSE s.b END), ':.*', '') AS sqlstate
FROM sent s,
     (VALUES ('valid'), ('unknown version'), ('bytes left over'), ('empty')) f(fault)
ORDER BY f.fault, typ;
