#!/usr/bin/python3
# test/erlang_reference.py: exact Erlang C and Erlang A figures, computed with
# mpmath at 60 significant digits, for the pg_regress test sql/erlang.sql.
#
#   /usr/bin/python3 test/erlang_reference.py > test/erlang_reference.sql
#
# (Debian's python3-mpmath.)  The output is committed; test/t/070_erlang_reference.pl
# regenerates it when mpmath is present and checks it is unchanged.
#
# The methods are independent of src/erlang.c:
# - Erlang C: B(n, A) = Poisson(A) pmf at n / Poisson(A) cdf at n, the cdf from
#   mpmath's regularised incomplete gamma; C = n B / (n - A (1 - B)),
#   SL(t) = 1 - C exp(-(n - A) t / aht), ASA = C aht / (n - A).
# - Erlang A: the stationary law of the M/M/n+M birth-death chain summed state
#   by state (truncated where the terms fall below 1e-70 of the total); a caller
#   who finds j callers ahead is answered with probability x / (x + j + 1) and
#   then waits a sum of exponentials of rates theta (x + k), k = 1..j+1
#   (x = n mu / theta), whose law is that of -log of a Beta(x + 1, j + 1)
#   variable: mpmath's betainc gives P(wait <= t).  Those two facts are checked
#   here, for small queues, against the tagged caller's own absorbing Markov
#   chain (matrix exponential and fundamental matrix), before anything is printed.
import sys
import time
from mpmath import mp, mpf, exp, log, loggamma, gammainc, betainc, expm, matrix, inf

mp.dps = 60

def erlang_c(A, n, aht, t):
    A, n, aht, t = mpf(A), int(n), mpf(aht), mpf(t)
    if n <= A:
        return None
    pmf = exp(n * log(A) - A - loggamma(n + 1))
    cdf = gammainc(n + 1, A, inf, regularized=True)
    B = pmf / cdf
    C = n * B / (n - A * (1 - B))
    sl = 1 - C * exp(-(n - A) * t / aht)
    asa = C * aht / (n - A)
    return C, sl, asa

def erlang_a(A, n, aht, patience, t):
    A, aht, patience, t = mpf(A), mpf(aht), mpf(patience), mpf(t)
    mu, theta = 1 / aht, 1 / patience
    lam = A * mu
    x = n * mu / theta
    # pi_k relative to pi_n: below n, pi_{k-1} = pi_k k / A
    tiny = mpf(10) ** -70
    lower = mpf(0)
    p = mpf(1)
    for k in range(n, 0, -1):
        p = p * k / A               # pi_{k-1}
        lower += p
        if k < A and p < tiny * lower:
            break
    # above n: pi_{n+j+1} = pi_{n+j} lam / (n mu + (j+1) theta)
    qs = [mpf(1)]
    upper = mpf(1)
    j = 0
    while True:
        nxt = qs[-1] * lam / (n * mu + (j + 1) * theta)
        qs.append(nxt)
        upper += nxt
        j += 1
        if lam < n * mu + (j + 1) * theta and nxt < tiny * upper:
            break
    total = lower + sum(qs)
    pw = sum(qs) / total
    pab = sum(q * j * theta / lam for j, q in enumerate(qs)) / total
    u = exp(-theta * t)
    served = lower
    within = lower
    wait_served = mpf(0)
    h = mpf(0)
    nb = u ** (x + 1)               # NB(x + 1, u) probabilities, summed: cdf
    cdf = mpf(0)
    for j, q in enumerate(qs):
        s = x / (x + j + 1)
        served += q * s
        cdf += nb
        if t > 0:
            within += q * s * (1 - cdf)
        nb = nb * (1 - u) * (x + j + 1) / (j + 1)
        h += 1 / (theta * (x + j + 1))
        wait_served += q * s * h
    return pw, pab, within / total, wait_served / served

def tagged_check(n, aht, patience, j, t):
    """The tagged caller with j ahead, as an absorbing chain: states k = j..0
    callers ahead, then served, abandoned."""
    mu, theta = 1 / mpf(aht), 1 / mpf(patience)
    m = j + 1
    Q = matrix(m + 2, m + 2)
    for k in range(m):              # index i = k callers ahead
        Q[k, k] = -(n * mu + k * theta + theta)
        if k == 0:
            Q[k, m] = n * mu
        else:
            Q[k, k - 1] = n * mu + k * theta
        Q[k, m + 1] = theta
    P = expm(Q * t)
    by_t = P[j, m]
    # E[T; served] = ((-Q_T)^-2 r_S)_j
    QT = matrix(m, m)
    r = matrix(m, 1)
    for a in range(m):
        for b in range(m):
            QT[a, b] = -Q[a, b]
        r[a] = Q[a, m]
    inv = QT ** -1
    e_ts = (inv * inv * r)[j]
    x = n * mu / theta
    s = x / (x + j + 1)
    u = exp(-theta * t)
    want_by_t = s * betainc(x + 1, j + 1, u, 1, regularized=True)
    # the same through the negative binomial NB(x + 1, u): P(NB > j)
    nb_cdf = sum(u ** (x + 1) * (1 - u) ** i * exp(loggamma(x + 1 + i) - loggamma(x + 1) - loggamma(i + 1))
                 for i in range(j + 1))
    if abs(s * (1 - nb_cdf) - want_by_t) > mpf(10) ** -40:
        sys.exit("negative binomial check failed")
    want_e = s * sum(1 / (theta * (x + k)) for k in range(1, j + 2))
    for got, want in ((by_t, want_by_t), (e_ts, want_e)):
        if abs(got - want) > mpf(10) ** -40 * abs(want):
            sys.exit("tagged-caller check failed: n=%d aht=%s patience=%s j=%d t=%s: %s vs %s"
                     % (n, aht, patience, j, t, got, want))

for (n, aht, patience, j, t) in ((1, 180, 60, 0, 20), (3, 100, 30, 4, 15), (14, 180, 120, 7, 20),
                                 (2, 50, 500, 9, 120)):
    tagged_check(n, aht, patience, j, t)

def sci(v):
    # below 1e-300 a double has nothing to compare (subnormal or 0): written 0
    if v is None:
        return 'NULL'
    return "'0'" if abs(v) < mpf(10) ** -300 else "'" + mp.nstr(v, 25) + "'"

t0 = time.time()
out = []
out.append('-- test/erlang_reference.sql: GENERATED by test/erlang_reference.py (mpmath, 60 digits); do not edit.')
out.append('-- Erlang C: traffic erlangs, agents, aht and answer_within in seconds;')
out.append('-- exact P(wait), service level, ASA in seconds (NULL: agents <= traffic).')
out.append('CREATE TEMP TABLE erlang_c_ref (traffic float8, agents int, aht float8, within float8,')
out.append('    p_wait float8, level float8, asa float8);')
out.append('INSERT INTO erlang_c_ref VALUES')
rows = []
trafs = ['0.01', '0.5', '1', '2.5', '10', '37.25', '100', '512.75', '1000', '3333.5', '9999.5', '10000']
for A in trafs:
    a = mpf(A)
    ns = set()
    for k in ('0.05', '0.5', '1', '2', '4', '8', '16'):
        ns.add(int(mp.ceil(a + mpf(k) * mp.sqrt(a))))
    ns.add(int(mp.floor(a)) + 1)
    ns.add(max(1, int(mp.floor(a))))       # agents <= traffic
    ns.add(min(20000, int(2 * a) + 5))
    ns.add(20000)
    for n in sorted(ns):
        for (aht, t) in (('180', '20'), ('300', '0'), ('45', '600')):
            r = erlang_c(A, n, aht, t)
            if r is None:
                rows.append("(%s, %d, %s, %s, 1, 0, NULL)" % (A, n, aht, t))
            else:
                rows.append("(%s, %d, %s, %s, %s, %s, %s)" % (A, n, aht, t, sci(r[0]), sci(r[1]), sci(r[2])))
out.append(',\n'.join(rows) + ';')
print('erlang C: %.1f s' % (time.time() - t0), file=sys.stderr)

out.append('-- Erlang A: the same, with patience in seconds; exact P(wait), abandon rate,')
out.append('-- service level (all calls), ASA (answered calls) in seconds.')
out.append('CREATE TEMP TABLE erlang_a_ref (traffic float8, agents int, aht float8, within float8,')
out.append('    patience float8, p_wait float8, abandon float8, level float8, asa float8);')
out.append('INSERT INTO erlang_a_ref VALUES')
rows = []
cases = []
for (A, ns) in (('0.5', (0, 1, 2, 4)), ('10', (5, 10, 12, 14, 18)), ('52.5', (40, 52, 55, 60, 70)),
                ('300', (280, 300, 310, 330)), ('2000', (1950, 2000, 2040, 2100))):
    for n in ns:
        for (aht, patience, t) in (('180', '60', '20'), ('240', '600', '30'), ('60', '30', '0'),
                                   ('180', '900', '300')):
            cases.append((A, n, aht, patience, t))
# large centres, and callers patient enough to be nearly Erlang C
cases += [('9000', n, '240', '120', '20') for n in (8950, 9000, 9100)]
cases += [('10', n, '180', '100000', '20') for n in (9, 12, 14)]
for (A, n, aht, patience, t) in cases:
    pw, pab, sl, asa = erlang_a(A, n, aht, patience, t) if n > 0 else (1, 1, 0, None)
    rows.append("(%s, %d, %s, %s, %s, %s, %s, %s, %s)" % (A, n, aht, t, patience,
                sci(mpf(pw)), sci(mpf(pab)), sci(mpf(sl)), sci(asa)))
out.append(',\n'.join(rows) + ';')
print('erlang A: %.1f s' % (time.time() - t0), file=sys.stderr)
print('\n'.join(out))
