\set ECHO none
-- The tickets of the sla_clock and ticket_changes scripts, read with \i: the
-- calendar :h (weekdays 09:00-17:00 UTC, Christmas closed) and the status changes
-- of four tickets in the temporary table ev.
\set h '''mon-fri 09:00-17:00; tz UTC; closed 2026-12-25'''
CREATE TEMP TABLE ev (ticket int, at timestamptz, status text);
INSERT INTO ev VALUES
  -- new, waits on the customer overnight, back, solved
  (1, '2026-12-21 10:00+00', 'new'), (1, '2026-12-21 12:00+00', 'pending'),
  (1, '2026-12-22 09:30+00', 'open'), (1, '2026-12-22 10:00+00', 'solved'),
  -- opened before a holiday and a weekend, still open
  (2, '2026-12-24 16:00+00', 'open'),
  -- solved, then reopened by the customer, solved again
  (3, '2026-12-21 09:00+00', 'open'), (3, '2026-12-21 11:00+00', 'solved'),
  (3, '2026-12-22 15:00+00', 'open'), (3, '2026-12-22 16:30+00', 'closed'),
  -- on hold from the start, an unknown status, a NULL status (skipped)
  (4, '2026-12-21 08:00+00', 'on_hold'), (4, '2026-12-21 13:00+00', 'escalated'),
  (4, '2026-12-21 14:00+00', NULL), (4, '2026-12-21 15:00+00', 'Pending');
\set ECHO all
