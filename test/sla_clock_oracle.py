#!/usr/bin/env python3
# test/sla_clock_oracle.py: an oracle for ticket_clock, written from the
# documented rules alone (doc/sla.md), without the extension's code.
#
# Random calendars in five zones, each over a two-week window around a change
# of UTC offset, with holidays ("closed") and short days ("open <date>
# <ranges>"); random tickets whose status changes fall on whole minutes (in
# any order, some at one instant, some with a NULL status, reopenings); and
# for each ticket the expected clock, by walking its minutes one by one: a
# minute counts when the calendar is open in it and the ticket's status in
# force in it runs the clock.
#
# Prints a psql script: tables ocal, oevent, oexpect, oexpect_event with COPY
# data.  test/t/080_sla_clock_oracle.pl loads it and compares.
#
#   python3 test/sla_clock_oracle.py [tickets] [seed]
import random
import sys
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

TICKETS = int(sys.argv[1]) if len(sys.argv) > 1 else 6000
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 20261205
rng = random.Random(SEED)

DAYS = 14
N = DAYS * 1440                     # minutes in a window
DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

# (zone, first local day of the window, the local day of the change)
WINDOWS = [
    ('UTC', date(2026, 12, 14), date(2026, 12, 24)),
    ('Europe/Berlin', date(2026, 3, 23), date(2026, 3, 29)),
    ('Europe/Berlin', date(2026, 10, 19), date(2026, 10, 25)),
    ('America/New_York', date(2026, 3, 2), date(2026, 3, 8)),
    ('America/New_York', date(2026, 10, 26), date(2026, 11, 1)),
    ('Australia/Lord_Howe', date(2026, 3, 30), date(2026, 4, 5)),
    ('Australia/Lord_Howe', date(2026, 9, 28), date(2026, 10, 4)),
    ('Pacific/Apia', date(2011, 12, 23), date(2011, 12, 29)),   # 2011-12-30 was skipped
    ('Pacific/Apia', date(2011, 9, 19), date(2011, 9, 24)),
]
CALS_PER_WINDOW = 3

# what each aggregate variant pauses and stops (the argument lists the test passes)
VARIANTS = [
    ({'pending', 'on_hold'}, {'solved', 'closed'}),          # ticket_clock(at, status, h)
    ({'pending', 'hold'}, {'closed'}),                       # ... '{pending,hold}', '{closed}'
    ({'on_hold'}, {'solved', 'closed'}),                     # ... '{on_hold}'
]
STATUSES = ['new', 'open', 'pending', 'on_hold', 'hold', 'solved', 'closed', 'waiting_on_vendor', 'Pending']
RUN, PAUSE, STOP = 0, 1, 2


def hhmm(m):
    return '%02d:%02d' % (m // 60, m % 60)


def random_ranges(k, lo, hi, step=1):
    pts = sorted(rng.sample(range(lo, hi + 1, step), 2 * k))
    return [(pts[2 * i], pts[2 * i + 1]) for i in range(k)]


def make_calendar(zone, first, change):
    weekly = {}
    for dow in range(7):
        if rng.random() < 0.15:
            continue                                         # closed that weekday
        if rng.random() < 0.15:
            weekly[dow] = [(0, 1440)]
            continue
        k = rng.randint(1, 3)
        if dow == change.weekday() and rng.random() < 0.6:
            weekly[dow] = random_ranges(k, 0, 360)           # near the change hour
        else:
            weekly[dow] = random_ranges(k, 0, 1440)
    days = [first + timedelta(days=d) for d in range(DAYS)]
    closed = set(rng.sample(days, 2))
    opened = {}
    for j in range(rng.randint(1, 2)):
        d = change if j == 0 and rng.random() < 0.5 else rng.choice(days)
        if d in closed or d in opened:
            continue
        opened[d] = random_ranges(rng.randint(1, 2), 0, 1440, 10)
    parts = ['%s %s' % (DAY_NAMES[dow], ', '.join('%s-%s' % (hhmm(s), hhmm(e)) for s, e in r))
             for dow, r in sorted(weekly.items())]
    parts.append('tz ' + zone)
    if closed:
        parts.append('closed ' + ', '.join(d.isoformat() for d in sorted(closed)))
    for d, r in sorted(opened.items()):
        parts.append('open %s %s' % (d.isoformat(), ', '.join('%s-%s' % (hhmm(s), hhmm(e)) for s, e in r)))
    return weekly, closed, opened, '; '.join(parts)


def local_minutes(zone, first):
    """(UTC start of the window, [(local date, local minute of day)] for each minute)"""
    tz = ZoneInfo(zone)
    t0 = datetime(first.year, first.month, first.day, tzinfo=tz).astimezone(timezone.utc)
    out = []
    for i in range(N + 1):
        loc = (t0 + timedelta(minutes=i)).astimezone(tz)
        out.append((loc.date(), loc.hour * 60 + loc.minute))
    return t0, out


def open_minutes(cal, local):
    weekly, closed, opened, _ = cal
    flags = []
    for d, tod in local:
        if d in closed:
            ranges = []
        elif d in opened:
            ranges = opened[d]
        else:
            ranges = weekly.get(d.weekday(), [])
        flags.append(any(s <= tod < e for s, e in ranges))
    return flags


def utc_text(t0, m):
    return (t0 + timedelta(minutes=m)).strftime('%Y-%m-%d %H:%M:%S+00')


calendars = []                      # (text, t0, open flags)
for zone, first, change in WINDOWS:
    t0, local = local_minutes(zone, first)
    for _ in range(CALS_PER_WINDOW):
        cal = make_calendar(zone, first, change)
        calendars.append((cal[3], t0, open_minutes(cal, local)))

events_out, expect_out, expect_event_out = [], [], []
for ticket in range(1, TICKETS + 1):
    cal = rng.randrange(len(calendars))
    text, t0, flags = calendars[cal]
    variant = rng.randrange(len(VARIANTS))
    paused, stopped = VARIANTS[variant]
    start = rng.randrange(0, N - 4 * 1440)
    events = []
    for j in range(rng.randint(1, 8)):
        if events and rng.random() < 0.25:
            m = rng.choice(events)[0]                        # one instant, two statuses
        else:
            m = start + rng.randrange(0, 3 * 1440)
        status = None if j > 0 and rng.random() < 0.06 else rng.choice(STATUSES)
        events.append((m, status))
    rng.shuffle(events)
    for m, status in events:
        events_out.append('%d\t%d\t%d\t%s\t%s' % (ticket, cal, variant, utc_text(t0, m),
                                                 '\\N' if status is None else status))

    # the status in force from each instant on: of the statuses set at one
    # instant, one that stops, else one that pauses, else one that runs
    def kind(s):
        return STOP if s in stopped else PAUSE if s in paused else RUN
    at = {}
    for m, s in events:
        if s is not None:
            at[m] = max(at.get(m, RUN), kind(s))
    if not at:
        continue                                             # no clock
    times = sorted(at)
    first_m, last_m = times[0], times[-1]
    as_of = min(N, max(0, start + rng.randrange(-120, 4 * 1440)))
    target = rng.randint(1, 1500)
    running_at_end = at[last_m] == RUN

    # the walk: worked[m] = minutes counted before minute m (from the first event)
    need = max(as_of, last_m)
    worked = {}
    cum = 0
    state = None
    due = None
    for m in range(first_m, N + 1):
        worked[m] = cum
        if due is None and cum >= target and running_at_end:
            due = m
        if m == N or m >= need and (due is not None or not running_at_end):
            break
        if m in at:
            state = at[m]
        if state == RUN and flags[m]:
            cum += 1

    def elapsed(m):
        return 0 if m <= first_m else worked[m]
    expect_out.append('%d\t%s\t%d\t%d\t%s\t%d\t%s\t%s' % (
        ticket, utc_text(t0, as_of), elapsed(as_of), elapsed(last_m),
        't' if running_at_end else 'f', target,
        utc_text(t0, due) if due is not None else '\\N',
        'f' if (not running_at_end or due is not None) else 't'))
    for m in times:
        expect_event_out.append('%d\t%s\t%d' % (ticket, utc_text(t0, m), elapsed(m)))

rng.shuffle(events_out)                             # a ticket's rows far apart
print('-- generated by test/sla_clock_oracle.py %d %d' % (TICKETS, SEED))
print('CREATE TABLE ocal (cal int PRIMARY KEY, h text);')
print('CREATE TABLE oevent (ticket int, cal int, variant int, at timestamptz, status text);')
print('CREATE TABLE oexpect (ticket int PRIMARY KEY, as_of timestamptz, elapsed_as_of int, elapsed_last int,'
      ' running boolean, target int, due timestamptz, due_unknown boolean);')
print('CREATE TABLE oexpect_event (ticket int, at timestamptz, elapsed int);')
print('COPY ocal FROM stdin;')
for i, (text, _, _) in enumerate(calendars):
    print('%d\t%s' % (i, text))
print('\\.')
for table, rows in (('oevent', events_out), ('oexpect', expect_out), ('oexpect_event', expect_event_out)):
    print('COPY %s FROM stdin;' % table)
    for r in rows:
        print(r)
    print('\\.')
print('ANALYZE ocal, oevent, oexpect, oexpect_event;')
