
-- ---------------------------------------------------------------------------
-- Survey scores: survey_summary, NPS / CSAT / CES aggregates and statistics
-- ---------------------------------------------------------------------------
CREATE TYPE survey_summary;

CREATE FUNCTION survey_summary_in(cstring, oid, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_in(cstring, oid, integer) IS 'text input of survey_summary';
CREATE FUNCTION survey_summary_out(survey_summary) RETURNS cstring
	AS 'MODULE_PATHNAME', 'survey_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_out(survey_summary) IS 'text output of survey_summary';
CREATE FUNCTION survey_summary_recv(internal) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_recv(internal) IS 'binary input of survey_summary';
CREATE FUNCTION survey_summary_send(survey_summary) RETURNS bytea
	AS 'MODULE_PATHNAME', 'survey_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_send(survey_summary) IS 'binary output of survey_summary';

CREATE TYPE survey_summary (
	INTERNALLENGTH = 192,
	INPUT = survey_summary_in,
	OUTPUT = survey_summary_out,
	RECEIVE = survey_summary_recv,
	SEND = survey_summary_send,
	ALIGNMENT = double,
	STORAGE = plain
);
COMMENT ON TYPE survey_summary IS 'histogram of survey scores 0..10 (exact counts, optional weights): the state and result of survey_agg, read by nps, csat, ces and friends';

-- aggregate support functions ------------------------------------------------
-- (the transition functions skip NULL rows themselves: not STRICT, one executor
-- step less per row)
CREATE FUNCTION survey_summary_trans(survey_summary, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans(survey_summary, integer) IS 'transition function of survey_agg(score) and nps(score)';
CREATE FUNCTION survey_summary_trans(survey_summary, integer, double precision) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans_weighted' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans(survey_summary, integer, double precision) IS 'transition function of survey_agg(score, weight) and nps(score, weight)';
CREATE FUNCTION survey_summary_inv(survey_summary, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_inv' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_inv(survey_summary, integer) IS 'inverse transition of survey_agg(score) and nps(score), for moving windows';
CREATE FUNCTION survey_summary_inv(survey_summary, integer, double precision) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_inv' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_inv(survey_summary, integer, double precision) IS 'inverse transition of survey_agg(score, weight) and nps(score, weight), for moving windows';
CREATE FUNCTION survey_summary_trans_csat(survey_summary, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans_csat' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans_csat(survey_summary, integer) IS 'transition function of csat(score): scores 1..5';
CREATE FUNCTION survey_summary_trans_csat(survey_summary, integer, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans_csat' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans_csat(survey_summary, integer, integer) IS 'transition function of csat(score, scale): scores 1..scale';
CREATE FUNCTION survey_summary_trans_ces(survey_summary, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans_ces' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans_ces(survey_summary, integer) IS 'transition function of ces(score): scores 1..7';
CREATE FUNCTION survey_summary_trans_ces(survey_summary, integer, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_trans_ces' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_trans_ces(survey_summary, integer, integer) IS 'transition function of ces(score, scale): scores 1..scale';
CREATE FUNCTION survey_summary_inv_scaled(survey_summary, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_inv_scaled' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_inv_scaled(survey_summary, integer) IS 'inverse transition of csat(score) and ces(score), for moving windows';
CREATE FUNCTION survey_summary_inv_scaled(survey_summary, integer, integer) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_inv_scaled' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_inv_scaled(survey_summary, integer, integer) IS 'inverse transition of csat(score, scale) and ces(score, scale), for moving windows';
CREATE FUNCTION survey_summary_combine(survey_summary, survey_summary) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_combine(survey_summary, survey_summary) IS 'sum of two survey summaries (the + operator; combine function of the survey aggregates)';
CREATE FUNCTION survey_summary_subtract(survey_summary, survey_summary) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_subtract' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_subtract(survey_summary, survey_summary) IS 'removes the responses of the second summary from the first (inverse transition of rollup)';
CREATE FUNCTION survey_summary_final(survey_summary) RETURNS survey_summary
	AS 'MODULE_PATHNAME', 'survey_summary_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION survey_summary_final(survey_summary) IS 'final function of survey_agg and rollup: NULL when there are no responses';

CREATE OPERATOR + (
	LEFTARG = survey_summary, RIGHTARG = survey_summary,
	FUNCTION = survey_summary_combine, COMMUTATOR = +
);
COMMENT ON OPERATOR + (survey_summary, survey_summary) IS 'merges two survey summaries';

-- @equality_type survey_summary survey_summary
COMMENT ON FUNCTION survey_summary_eq(survey_summary, survey_summary) IS 'equal: same responses, weights and scale';
COMMENT ON FUNCTION survey_summary_ne(survey_summary, survey_summary) IS 'not equal';
COMMENT ON OPERATOR = (survey_summary, survey_summary) IS 'equal: same responses, weights and scale';
COMMENT ON OPERATOR <> (survey_summary, survey_summary) IS 'not equal';

-- accessors --------------------------------------------------------------------
CREATE FUNCTION responses(survey_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'survey_summary_responses' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION responses(survey_summary) IS 'number of responses in a survey summary';
CREATE FUNCTION promoters(survey_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'survey_summary_promoters' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION promoters(survey_summary) IS 'number of responses scoring 9 or 10';
CREATE FUNCTION passives(survey_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'survey_summary_passives' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION passives(survey_summary) IS 'number of responses scoring 7 or 8';
CREATE FUNCTION detractors(survey_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'survey_summary_detractors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION detractors(survey_summary) IS 'number of responses scoring 0 to 6';
CREATE FUNCTION score_count(survey_summary, score integer) RETURNS bigint
	AS 'MODULE_PATHNAME', 'survey_summary_score_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION score_count(survey_summary, integer) IS 'number of responses with the given score (0..10)';
CREATE FUNCTION nps(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_nps' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps(survey_summary) IS 'Net Promoter Score: percent promoters (9-10) minus percent detractors (0-6), weighted when the summary is';
CREATE FUNCTION mean_score(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_mean_score' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean_score(survey_summary) IS 'mean score of a survey summary (weighted when the summary is)';
CREATE FUNCTION csat(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat(survey_summary) IS 'CSAT: percent of responses in the top two boxes of the recorded scale, else of a 1-5 scale';
CREATE FUNCTION csat(survey_summary, scale integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_csat' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat(survey_summary, integer) IS 'CSAT on a 1..scale scale (3, 5, 7 or 10): percent in the top two boxes (top box on 3)';
CREATE FUNCTION ces(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_ces' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces(survey_summary) IS 'CES: mean score on the recorded scale, else on a 1-7 scale';
CREATE FUNCTION ces(survey_summary, scale integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_ces' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces(survey_summary, integer) IS 'CES: mean score on a 1..scale scale (3, 5, 7 or 10)';
CREATE FUNCTION ces_easy(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_ces_easy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_easy(survey_summary) IS 'percent of CES responses agreeing it was easy (5-7 of 7), on the recorded scale or 1-7';
CREATE FUNCTION ces_easy(survey_summary, scale integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_ces_easy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_easy(survey_summary, integer) IS 'percent of CES responses in the "easy" top boxes: 3 of 3, 4-5 of 5, 5-7 of 7, 8-10 of 10';

-- statistics ---------------------------------------------------------------------
CREATE FUNCTION nps_stderr(survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_nps_stderr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_stderr(survey_summary) IS 'standard error of the NPS in points: sqrt((p + d - (p - d)^2) / n) * 100';
-- nps_ci: with the other confidence intervals, returning confidence_interval
-- since 1.2 (80_intervals.sql)
CREATE FUNCTION nps_diff_pvalue(a survey_summary, b survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_nps_diff_pvalue' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_diff_pvalue(survey_summary, survey_summary) IS 'two-sided p-value of a z test that two NPS differ';

-- aggregates ---------------------------------------------------------------------
CREATE AGGREGATE survey_agg(score integer) (
	SFUNC = survey_summary_trans, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = survey_summary_final, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans, MINVFUNC = survey_summary_inv,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = survey_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE survey_agg(integer) IS 'survey_summary of scores 0..10 (NULL scores skipped)';
CREATE AGGREGATE survey_agg(score integer, weight double precision) (
	SFUNC = survey_summary_trans, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = survey_summary_final, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans, MINVFUNC = survey_summary_inv,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = survey_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE survey_agg(integer, double precision) IS 'weighted survey_summary of scores 0..10 (rows with a NULL score or weight skipped)';
CREATE AGGREGATE rollup(survey_summary) (
	SFUNC = survey_summary_combine, STYPE = survey_summary,
	FINALFUNC = survey_summary_final, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_combine, MINVFUNC = survey_summary_subtract,
	MSTYPE = survey_summary, MFINALFUNC = survey_summary_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(survey_summary) IS 'merges stored survey summaries into one';
CREATE AGGREGATE nps(score integer) (
	SFUNC = survey_summary_trans, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = nps, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans, MINVFUNC = survey_summary_inv,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = nps,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE nps(integer) IS 'Net Promoter Score of scores 0..10';
CREATE AGGREGATE nps(score integer, weight double precision) (
	SFUNC = survey_summary_trans, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = nps, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans, MINVFUNC = survey_summary_inv,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = nps,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE nps(integer, double precision) IS 'weighted Net Promoter Score of scores 0..10';
CREATE AGGREGATE csat(score integer) (
	SFUNC = survey_summary_trans_csat, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = csat, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans_csat, MINVFUNC = survey_summary_inv_scaled,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = csat,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat(integer) IS 'CSAT of scores 1..5: percent scoring 4 or 5';
CREATE AGGREGATE csat(score integer, scale integer) (
	SFUNC = survey_summary_trans_csat, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = csat, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans_csat, MINVFUNC = survey_summary_inv_scaled,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = csat,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE csat(integer, integer) IS 'CSAT of scores 1..scale (3, 5, 7, 10): percent in the top two boxes (top box on 3)';
CREATE AGGREGATE ces(score integer) (
	SFUNC = survey_summary_trans_ces, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = ces, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans_ces, MINVFUNC = survey_summary_inv_scaled,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = ces,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces(integer) IS 'Customer Effort Score of scores 1..7: the mean';
CREATE AGGREGATE ces(score integer, scale integer) (
	SFUNC = survey_summary_trans_ces, STYPE = survey_summary, INITCOND = '{}',
	FINALFUNC = ces, COMBINEFUNC = survey_summary_combine,
	MSFUNC = survey_summary_trans_ces, MINVFUNC = survey_summary_inv_scaled,
	MSTYPE = survey_summary, MINITCOND = '{}', MFINALFUNC = ces,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE ces(integer, integer) IS 'Customer Effort Score of scores 1..scale (3, 5, 7, 10): the mean';

-- The same aggregates of smallint, bigint and numeric scores (since 1.2): real
-- schemas store scores so.  smallint has its own forms because with bigint and
-- numeric beside integer a smallint argument would match none best.
-- @survey_scores smallint
-- @survey_scores bigint
-- @survey_scores numeric
