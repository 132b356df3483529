-- since 1.2

-- ---------------------------------------------------------------------------
-- Contact-centre interval statistics (src/duration_sketch.c,
-- src/queue_summary.c, src/rate_ci.c, doc/intervals.md): duration_sketch,
-- queue_summary, and rates with their confidence intervals
-- ---------------------------------------------------------------------------

-- confidence_interval: what every *_ci function of this part returns ----------
CREATE TYPE confidence_interval AS (low double precision, high double precision);
COMMENT ON TYPE confidence_interval IS 'a confidence interval (low, high) in the unit of its metric';

-- duration_sketch ---------------------------------------------------------------
CREATE TYPE duration_sketch;

CREATE FUNCTION duration_sketch_in(cstring, oid, integer) RETURNS duration_sketch
	AS 'MODULE_PATHNAME', 'duration_sketch_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION duration_sketch_in(cstring, oid, integer) IS 'text input of duration_sketch';
CREATE FUNCTION duration_sketch_out(duration_sketch) RETURNS cstring
	AS 'MODULE_PATHNAME', 'duration_sketch_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION duration_sketch_out(duration_sketch) IS 'text output of duration_sketch';
CREATE FUNCTION duration_sketch_recv(internal) RETURNS duration_sketch
	AS 'MODULE_PATHNAME', 'duration_sketch_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION duration_sketch_recv(internal) IS 'binary input of duration_sketch (validated like text input)';
CREATE FUNCTION duration_sketch_send(duration_sketch) RETURNS bytea
	AS 'MODULE_PATHNAME', 'duration_sketch_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION duration_sketch_send(duration_sketch) IS 'binary output of duration_sketch (version byte first)';

CREATE TYPE duration_sketch (
	INPUT = duration_sketch_in,
	OUTPUT = duration_sketch_out,
	RECEIVE = duration_sketch_recv,
	SEND = duration_sketch_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE duration_sketch IS 'mergeable quantile sketch of non-negative durations, every percentile within a relative accuracy (1 % by default)';

-- @equality_type duration_sketch duration_sketch

CREATE FUNCTION duration_sketch_trans(duration_sketch, interval) RETURNS duration_sketch
	AS 'MODULE_PATHNAME', 'duration_sketch_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION duration_sketch_trans(duration_sketch, interval) IS 'transition function of duration_agg(duration)';
CREATE FUNCTION duration_sketch_trans(duration_sketch, interval, double precision) RETURNS duration_sketch
	AS 'MODULE_PATHNAME', 'duration_sketch_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION duration_sketch_trans(duration_sketch, interval, double precision) IS 'transition function of duration_agg(duration, accuracy)';
CREATE FUNCTION duration_sketch_combine(duration_sketch, duration_sketch) RETURNS duration_sketch
	AS 'MODULE_PATHNAME', 'duration_sketch_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION duration_sketch_combine(duration_sketch, duration_sketch) IS 'merge of two duration sketches of the same accuracy (the + operator; combine function of duration_agg)';
CREATE FUNCTION duration_sketch_final(duration_sketch) RETURNS duration_sketch
	AS 'MODULE_PATHNAME', 'duration_sketch_final' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION duration_sketch_final(duration_sketch) IS 'final function of duration_agg and rollup: NULL when there are no durations';

CREATE OPERATOR + (
	LEFTARG = duration_sketch, RIGHTARG = duration_sketch,
	FUNCTION = duration_sketch_combine, COMMUTATOR = +
);
COMMENT ON OPERATOR + (duration_sketch, duration_sketch) IS 'merges two duration sketches';

CREATE AGGREGATE duration_agg(duration interval) (
	SFUNC = duration_sketch_trans, STYPE = duration_sketch,
	FINALFUNC = duration_sketch_final, COMBINEFUNC = duration_sketch_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE duration_agg(interval) IS 'duration_sketch of non-negative durations, accuracy 1 % (NULLs skipped)';
CREATE AGGREGATE duration_agg(duration interval, accuracy double precision) (
	SFUNC = duration_sketch_trans, STYPE = duration_sketch,
	FINALFUNC = duration_sketch_final, COMBINEFUNC = duration_sketch_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE duration_agg(interval, double precision) IS 'duration_sketch of non-negative durations with the given relative accuracy (0.0001 to 0.5)';
CREATE AGGREGATE rollup(duration_sketch) (
	SFUNC = duration_sketch_combine, STYPE = duration_sketch,
	FINALFUNC = duration_sketch_final, COMBINEFUNC = duration_sketch_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(duration_sketch) IS 'merges stored duration sketches (of one accuracy) into one';

CREATE FUNCTION percentile(duration_sketch, p double precision) RETURNS interval
	AS 'MODULE_PATHNAME', 'duration_sketch_percentile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION percentile(duration_sketch, double precision) IS 'the duration at rank ceil(p * samples), within the sketch accuracy (relative); p 0 and 1 give the exact minimum and maximum';
CREATE FUNCTION percentiles(duration_sketch, p double precision[]) RETURNS interval[]
	AS 'MODULE_PATHNAME', 'duration_sketch_percentiles' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION percentiles(duration_sketch, double precision[]) IS 'percentile() of each p of the array';
CREATE FUNCTION share_within(duration_sketch, bound interval) RETURNS double precision
	AS 'MODULE_PATHNAME', 'duration_sketch_share_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION share_within(duration_sketch, interval) IS 'share of the durations at most bound (counting whole the bucket that holds bound)';
CREATE FUNCTION samples(duration_sketch) RETURNS bigint
	AS 'MODULE_PATHNAME', 'duration_sketch_samples' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION samples(duration_sketch) IS 'number of durations in the sketch';
CREATE FUNCTION mean(duration_sketch) RETURNS interval
	AS 'MODULE_PATHNAME', 'duration_sketch_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION mean(duration_sketch) IS 'exact mean of the durations (to the microsecond)';
CREATE FUNCTION accuracy(duration_sketch) RETURNS double precision
	AS 'MODULE_PATHNAME', 'duration_sketch_accuracy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION accuracy(duration_sketch) IS 'the relative accuracy the sketch was built with';

-- queue_summary ---------------------------------------------------------------------
CREATE TYPE queue_summary;

CREATE FUNCTION queue_summary_in(cstring, oid, integer) RETURNS queue_summary
	AS 'MODULE_PATHNAME', 'queue_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION queue_summary_in(cstring, oid, integer) IS 'text input of queue_summary';
CREATE FUNCTION queue_summary_out(queue_summary) RETURNS cstring
	AS 'MODULE_PATHNAME', 'queue_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION queue_summary_out(queue_summary) IS 'text output of queue_summary';
CREATE FUNCTION queue_summary_recv(internal) RETURNS queue_summary
	AS 'MODULE_PATHNAME', 'queue_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION queue_summary_recv(internal) IS 'binary input of queue_summary (validated like text input)';
CREATE FUNCTION queue_summary_send(queue_summary) RETURNS bytea
	AS 'MODULE_PATHNAME', 'queue_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION queue_summary_send(queue_summary) IS 'binary output of queue_summary (version byte first)';

CREATE TYPE queue_summary (
	INPUT = queue_summary_in,
	OUTPUT = queue_summary_out,
	RECEIVE = queue_summary_recv,
	SEND = queue_summary_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE queue_summary IS 'interval report of a queue: exact counters and the sketches of answer waits and handle times';

-- @equality_type queue_summary queue_summary

CREATE FUNCTION queue_summary_trans(queue_summary, interval, boolean) RETURNS queue_summary
	AS 'MODULE_PATHNAME', 'queue_summary_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION queue_summary_trans(queue_summary, interval, boolean) IS 'transition function of queue_agg(wait, answered)';
CREATE FUNCTION queue_summary_trans(queue_summary, interval, boolean, interval) RETURNS queue_summary
	AS 'MODULE_PATHNAME', 'queue_summary_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION queue_summary_trans(queue_summary, interval, boolean, interval) IS 'transition function of queue_agg(wait, answered, handle)';
CREATE FUNCTION queue_summary_trans(queue_summary, interval, boolean, interval, interval) RETURNS queue_summary
	AS 'MODULE_PATHNAME', 'queue_summary_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION queue_summary_trans(queue_summary, interval, boolean, interval, interval) IS 'transition function of queue_agg(wait, answered, handle, answer_within)';
CREATE FUNCTION queue_summary_trans(queue_summary, interval, boolean, interval, interval, interval) RETURNS queue_summary
	AS 'MODULE_PATHNAME', 'queue_summary_trans' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION queue_summary_trans(queue_summary, interval, boolean, interval, interval, interval) IS 'transition function of queue_agg(wait, answered, handle, answer_within, short_abandon)';
CREATE FUNCTION queue_summary_combine(queue_summary, queue_summary) RETURNS queue_summary
	AS 'MODULE_PATHNAME', 'queue_summary_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION queue_summary_combine(queue_summary, queue_summary) IS 'merge of two queue summaries of the same thresholds (the + operator; combine function of queue_agg)';
CREATE FUNCTION queue_summary_final(queue_summary) RETURNS queue_summary
	AS 'MODULE_PATHNAME', 'queue_summary_final' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION queue_summary_final(queue_summary) IS 'final function of queue_agg and rollup: NULL when nothing was offered';

CREATE OPERATOR + (
	LEFTARG = queue_summary, RIGHTARG = queue_summary,
	FUNCTION = queue_summary_combine, COMMUTATOR = +
);
COMMENT ON OPERATOR + (queue_summary, queue_summary) IS 'merges two queue summaries built with the same thresholds';

CREATE AGGREGATE queue_agg(wait interval, answered boolean) (
	SFUNC = queue_summary_trans, STYPE = queue_summary,
	FINALFUNC = queue_summary_final, COMBINEFUNC = queue_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE queue_agg(interval, boolean) IS 'queue_summary of offered contacts (answer within 20 seconds, short abandon under 5 seconds)';
CREATE AGGREGATE queue_agg(wait interval, answered boolean, handle interval) (
	SFUNC = queue_summary_trans, STYPE = queue_summary,
	FINALFUNC = queue_summary_final, COMBINEFUNC = queue_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE queue_agg(interval, boolean, interval) IS 'queue_summary of offered contacts with handle times (answer within 20 seconds, short abandon under 5 seconds)';
CREATE AGGREGATE queue_agg(wait interval, answered boolean, handle interval, answer_within interval) (
	SFUNC = queue_summary_trans, STYPE = queue_summary,
	FINALFUNC = queue_summary_final, COMBINEFUNC = queue_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE queue_agg(interval, boolean, interval, interval) IS 'queue_summary with the service-level threshold answer_within (short abandon under 5 seconds)';
CREATE AGGREGATE queue_agg(wait interval, answered boolean, handle interval, answer_within interval, short_abandon interval) (
	SFUNC = queue_summary_trans, STYPE = queue_summary,
	FINALFUNC = queue_summary_final, COMBINEFUNC = queue_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE queue_agg(interval, boolean, interval, interval, interval) IS 'queue_summary with the service-level threshold answer_within and the short-abandon threshold';
CREATE AGGREGATE rollup(queue_summary) (
	SFUNC = queue_summary_combine, STYPE = queue_summary,
	FINALFUNC = queue_summary_final, COMBINEFUNC = queue_summary_combine,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE rollup(queue_summary) IS 'merges stored queue summaries (of the same thresholds) into one';

CREATE FUNCTION offered(queue_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'queue_summary_offered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION offered(queue_summary) IS 'contacts offered (answered + abandoned)';
CREATE FUNCTION answered(queue_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'queue_summary_answered' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION answered(queue_summary) IS 'contacts answered';
CREATE FUNCTION abandoned(queue_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'queue_summary_abandoned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION abandoned(queue_summary) IS 'contacts abandoned (short abandons included)';
CREATE FUNCTION short_abandons(queue_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'queue_summary_short_abandons' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION short_abandons(queue_summary) IS 'contacts abandoned with a wait under short_abandon';
CREATE FUNCTION answered_within(queue_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'queue_summary_answered_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION answered_within(queue_summary) IS 'contacts answered with a wait of at most answer_within';
CREATE FUNCTION abandoned_within(queue_summary) RETURNS bigint
	AS 'MODULE_PATHNAME', 'queue_summary_abandoned_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION abandoned_within(queue_summary) IS 'contacts abandoned with a wait of at most answer_within';
CREATE FUNCTION answer_within(queue_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'queue_summary_answer_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION answer_within(queue_summary) IS 'the service-level threshold the summary was built with';
CREATE FUNCTION short_abandon(queue_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'queue_summary_short_abandon' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION short_abandon(queue_summary) IS 'the short-abandon threshold the summary was built with';
CREATE FUNCTION abandon_rate(queue_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'queue_summary_abandon_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION abandon_rate(queue_summary) IS 'abandoned / offered as a fraction, short abandons left out of both';
CREATE FUNCTION asa(queue_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'queue_summary_asa' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION asa(queue_summary) IS 'average speed of answer: mean wait of answered contacts (exact)';
CREATE FUNCTION avg_abandon_time(queue_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'queue_summary_avg_abandon_time' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION avg_abandon_time(queue_summary) IS 'mean wait of abandoned contacts (exact)';
CREATE FUNCTION aht(queue_summary) RETURNS interval
	AS 'MODULE_PATHNAME', 'queue_summary_aht' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION aht(queue_summary) IS 'average handle time of answered contacts with a handle time (exact)';
CREATE FUNCTION service_level(queue_summary, definition text DEFAULT 'offered') RETURNS double precision
	AS 'MODULE_PATHNAME', 'queue_summary_service_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION service_level(queue_summary, text) IS 'service level as a fraction: answered within the threshold over offered, answered, offered_excluding_short or exclude_abandoned_within; or abandoned_within_met';
CREATE FUNCTION service_level_ci(queue_summary, definition text DEFAULT 'offered',
								 level double precision DEFAULT 0.95) RETURNS confidence_interval
	AS 'MODULE_PATHNAME', 'queue_summary_service_level_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION service_level_ci(queue_summary, text, double precision) IS 'Wilson score interval of a service level';
CREATE FUNCTION wait_percentile(queue_summary, p double precision) RETURNS interval
	AS 'MODULE_PATHNAME', 'queue_summary_wait_percentile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION wait_percentile(queue_summary, double precision) IS 'percentile of the waits of answered contacts (speed of answer), within 1 %';
CREATE FUNCTION handle_percentile(queue_summary, p double precision) RETURNS interval
	AS 'MODULE_PATHNAME', 'queue_summary_handle_percentile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION handle_percentile(queue_summary, double precision) IS 'percentile of the handle times, within 1 %';
CREATE FUNCTION wait_sketch(queue_summary) RETURNS duration_sketch
	AS 'MODULE_PATHNAME', 'queue_summary_wait_sketch' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION wait_sketch(queue_summary) IS 'the duration_sketch of the waits of answered contacts (NULL when none)';
CREATE FUNCTION handle_sketch(queue_summary) RETURNS duration_sketch
	AS 'MODULE_PATHNAME', 'queue_summary_handle_sketch' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION handle_sketch(queue_summary) IS 'the duration_sketch of the handle times (NULL when none)';

-- rates with their uncertainty --------------------------------------------------------
-- nps_ci returned an anonymous record of OUT parameters (low, high) until 1.1;
-- since 1.2 it returns the named composite of the same columns, so drivers can
-- register one type for every interval and (nps_ci(s)).low, FROM nps_ci(s)
-- keep working (doc/intervals.md).
CREATE FUNCTION nps_ci(s survey_summary, level double precision DEFAULT 0.95,
					   method text DEFAULT 'adjusted_wald') RETURNS confidence_interval
	AS 'MODULE_PATHNAME', 'survey_summary_nps_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION nps_ci(survey_summary, double precision, text) IS 'confidence interval of the NPS: method adjusted_wald (Rocks 2016) or wald, level in (0,1)';
CREATE FUNCTION rate_ci(successes bigint, trials bigint, level double precision DEFAULT 0.95)
	RETURNS confidence_interval
	AS 'MODULE_PATHNAME', 'rate_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION rate_ci(bigint, bigint, double precision) IS 'Wilson score interval of the share successes / trials, as fractions in [0, 1]';
CREATE FUNCTION csat_ci(s survey_summary, level double precision DEFAULT 0.95) RETURNS confidence_interval
	AS 'MODULE_PATHNAME', 'survey_summary_csat_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_ci(survey_summary, double precision) IS 'Wilson score interval of the CSAT in percent points (effective sample size when weighted)';
CREATE FUNCTION csat_ci(s survey_summary, scale integer, level double precision DEFAULT 0.95) RETURNS confidence_interval
	AS 'MODULE_PATHNAME', 'survey_summary_csat_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_ci(survey_summary, integer, double precision) IS 'Wilson score interval of the CSAT on a 1..scale scale, in percent points';
CREATE FUNCTION csat_diff_pvalue(a survey_summary, b survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_csat_diff_pvalue' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_diff_pvalue(survey_summary, survey_summary) IS 'two-sided p-value of a pooled two-proportion z test that two CSATs differ';
CREATE FUNCTION csat_diff_pvalue(a survey_summary, b survey_summary, scale integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_csat_diff_pvalue' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION csat_diff_pvalue(survey_summary, survey_summary, integer) IS 'two-sided p-value that two CSATs on a 1..scale scale differ';
CREATE FUNCTION ces_ci(s survey_summary, level double precision DEFAULT 0.95) RETURNS confidence_interval
	AS 'MODULE_PATHNAME', 'survey_summary_ces_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_ci(survey_summary, double precision) IS 't interval of the mean CES in score points (effective sample size when weighted)';
CREATE FUNCTION ces_ci(s survey_summary, scale integer, level double precision DEFAULT 0.95) RETURNS confidence_interval
	AS 'MODULE_PATHNAME', 'survey_summary_ces_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_ci(survey_summary, integer, double precision) IS 't interval of the mean CES on a 1..scale scale';
CREATE FUNCTION ces_diff_pvalue(a survey_summary, b survey_summary) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_ces_diff_pvalue' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_diff_pvalue(survey_summary, survey_summary) IS 'two-sided p-value of Welch''s t test that two CES means differ';
CREATE FUNCTION ces_diff_pvalue(a survey_summary, b survey_summary, scale integer) RETURNS double precision
	AS 'MODULE_PATHNAME', 'survey_summary_ces_diff_pvalue' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION ces_diff_pvalue(survey_summary, survey_summary, integer) IS 'two-sided p-value of Welch''s t test that two CES means on a 1..scale scale differ';
