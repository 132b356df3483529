#!/usr/bin/python3
# test/markov_oracle.py: an independent, exact implementation of
# markov_attribution for test/t/076_markov_oracle.pl.
#
#   markov_oracle.py SEED SETS
#
# prints JSON: a list of SETS random journey sets, each {"journeys": [...],
# "credits": {channel: credit}}.  A journey is a list of touchpoints [stage,
# channel] in time order (channel None: no channel).  Credits are computed
# with exact fractions (Python's fractions module) and printed as floats;
# channels with no credit are left out; no conversion gives {}.
#
# The model (doc/paths.md): a journey converts at its first touchpoint at
# stage acquisition or beyond (retention, advocacy); its path is start -> its channels up to and including
# that touchpoint -> conversion, or, without one, start -> all its channels
# -> null.  Empty journeys count for nothing.  Transition probabilities are
# the counts' shares; P = probability of absorbing in conversion from start;
# removing channel c sends every transition into c to null; removal effect
# 1 - P(-c)/P; credits = conversions * effect / sum of effects.
import json
import random
import sys
from fractions import Fraction

STAGES = ['awareness', 'consideration', 'acquisition', 'retention', 'advocacy']
CHANNELS = ['phone', 'email', 'chat', 'sms', 'messaging', 'social', 'video',
            'in_person', 'web', 'chatbot', 'ivr', 'self_service', 'other']


def paths(journeys):
    """(list of nodes, converted) per non-empty journey"""
    out = []
    for j in journeys:
        if not j:
            continue
        nodes = []
        converted = False
        for stage, channel in j:
            nodes.append(channel if channel is not None else '(none)')
            if STAGES.index(stage) >= STAGES.index('acquisition'):
                converted = True
                break
        out.append((nodes, converted))
    return out


def absorption(trans, removed):
    """probability of reaching 'conv' from 'start' (exact), node removed"""
    states = sorted(s for s in trans if s not in ('start', removed))
    index = {s: i for i, s in enumerate(states)}
    n = len(states)
    # (I - Q) x = r
    a = [[Fraction(0)] * (n + 1) for _ in range(n)]
    for s in states:
        i = index[s]
        total = sum(trans[s].values())
        a[i][i] += 1
        for t, c in trans[s].items():
            if t == 'conv':
                a[i][n] += Fraction(c, total)
            elif t in index:
                a[i][index[t]] -= Fraction(c, total)
    for col in range(n):
        piv = next(r for r in range(col, n) if a[r][col] != 0)
        a[col], a[piv] = a[piv], a[col]
        for r in range(n):
            if r != col and a[r][col] != 0:
                f = a[r][col] / a[col][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col])]
    x = {s: a[index[s]][n] / a[index[s]][index[s]] for s in states}
    total = sum(trans['start'].values())
    p = Fraction(0)
    for t, c in trans['start'].items():
        if t == 'conv':
            p += Fraction(c, total)
        elif t in x:
            p += Fraction(c, total) * x[t]
    return p


def credits(journeys):
    trans = {}
    conversions = 0
    for nodes, converted in paths(journeys):
        prev = 'start'
        for node in nodes + ['conv' if converted else 'null']:
            trans.setdefault(prev, {})
            trans[prev][node] = trans[prev].get(node, 0) + 1
            prev = node
        conversions += converted
    if conversions == 0:
        return {}
    p = absorption(trans, None)
    effects = {}
    for c in trans:
        if c == 'start':
            continue
        effects[c] = 1 - absorption(trans, c) / p
    total = sum(effects.values())
    return {c: float(conversions * e / total) for c, e in effects.items() if e > 0}


def random_set(rng):
    channels = rng.sample(CHANNELS, rng.randint(1, 5))
    journeys = []
    for _ in range(rng.randint(1, 25)):
        j = []
        for _ in range(rng.randint(0, 6)):
            stage = rng.choice(STAGES[:3] * 2 + STAGES[3:])
            channel = rng.choice(channels + [None]) if rng.random() < 0.9 else None
            j.append([stage, channel])
        journeys.append(j)
    return journeys


def main():
    seed, sets = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    out = []
    for _ in range(sets):
        journeys = random_set(rng)
        out.append({'journeys': journeys,
                    'credits': {('' if c == '(none)' else c): v for c, v in credits(journeys).items()}})
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
