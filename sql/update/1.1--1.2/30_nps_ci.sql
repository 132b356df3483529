-- nps_ci returns the named composite confidence_interval (low, high) since 1.2
-- instead of a record of OUT parameters with the same columns; a return type
-- cannot be replaced, so the 1.1 function goes here and the part that creates
-- confidence_interval (80_intervals.sql, new in 1.2) creates the new one.
DROP FUNCTION nps_ci(survey_summary, double precision, text);
