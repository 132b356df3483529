
-- ---------------------------------------------------------------------------
-- First-contact resolution: window functions (src/fcr.c)
-- Call as f(at, within) OVER (PARTITION BY customer [, topic] ORDER BY at).
-- STABLE: months and days of within are added in the session time zone.
-- ---------------------------------------------------------------------------
CREATE FUNCTION fcr(at timestamptz, within interval) RETURNS boolean
	AS 'MODULE_PATHNAME', 'fcr_window' LANGUAGE C WINDOW STABLE PARALLEL SAFE;
COMMENT ON FUNCTION fcr(timestamptz, interval) IS 'window function: true when no other contact of the partition falls in [at, at + within] (resolved on first contact)';

CREATE FUNCTION fcr(at timestamptz, within interval, as_of timestamptz) RETURNS boolean
	AS 'MODULE_PATHNAME', 'fcr_as_of_window' LANGUAGE C WINDOW STABLE PARALLEL SAFE;
COMMENT ON FUNCTION fcr(timestamptz, interval, timestamptz) IS 'window function: fcr(at, within), but NULL while the repeat window is still open (at + within > as_of)';

CREATE FUNCTION repeat_contact(at timestamptz, within interval) RETURNS boolean
	AS 'MODULE_PATHNAME', 'repeat_contact_window' LANGUAGE C WINDOW STABLE PARALLEL SAFE;
COMMENT ON FUNCTION repeat_contact(timestamptz, interval) IS 'window function: true when an earlier contact of the partition falls in [at - within, at) (contacts at the same instant are not repeats of each other)';

CREATE FUNCTION contact_attempt(at timestamptz, within interval) RETURNS integer
	AS 'MODULE_PATHNAME', 'contact_attempt_window' LANGUAGE C WINDOW STABLE PARALLEL SAFE;
COMMENT ON FUNCTION contact_attempt(timestamptz, interval) IS 'window function: 1 for a contact that starts a chain of repeats, 2 for its first repeat, ... (tied contacts share one number); a chain breaks when the gap to the previous contact exceeds within';
