-- attribution() takes a lookback since 1.2 (and converts at the first
-- touchpoint at acquisition or beyond, a change in the library alone): 1.1's
-- three-argument function is replaced by the four-argument one, whose
-- defaults keep every 1.1 call working.
DROP FUNCTION attribution(journey, text, interval);
CREATE FUNCTION attribution(journey, model text DEFAULT 'linear', half_life interval DEFAULT '7 days',
	lookback interval DEFAULT NULL,
	OUT channel interaction_channel, OUT credit double precision)
	RETURNS SETOF record
	AS 'MODULE_PATHNAME', 'journey_attribution' LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE
	ROWS 3;
COMMENT ON FUNCTION attribution(journey, text, interval, interval) IS 'credit per channel (summing to 1) for the conversion (first touchpoint at acquisition or beyond), over the touchpoints up to it and at most lookback before it (NULL: no limit): first_touch, last_touch, linear, time_decay (half_life), position_based (40/20/40); a NULL journey, model or half_life gives no rows';
