#!/usr/bin/env python3
"""Sanity-check corpus-gold.jsonl against the corpus files.

For every annotation: the text must occur in its file at least `occurrence`
times; for direct quotes and terms the text at that occurrence must be
enclosed by quote marks (ignoring spaces / no-break spaces, as in French
« … »); indirect statements must not be enclosed by quote marks.
Prints counts per type and per file. Exit status 1 on any failure.
"""
import json, os, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.normpath(os.path.join(HERE, '..', '..', '..', 'corpus'))
OPEN = set('“"‘«„')
CLOSE = set('”"’»“')
SPACE = ' \u00a0\u202f'
KEYS = {'text', 'occurrence', 'speaker', 'named', 'role', 'affiliation', 'type'}


def positions(s, t):
    out, i = [], s.find(t)
    while i != -1:
        out.append(i)
        i = s.find(t, i + 1)
    return out


def main(path=os.path.join(HERE, 'corpus-gold.jsonl')):
    bad = 0
    by_type = collections.Counter()
    by_file = collections.defaultdict(collections.Counter)
    with open(path, encoding='utf-8') as fh:
        for ln, line in enumerate(fh, 1):
            rec = json.loads(line)
            f = rec['file']
            s = open(os.path.join(CORPUS, f), encoding='utf-8').read()
            for q in rec['quotes']:
                err = []
                if set(q) != KEYS:
                    err.append('keys %s' % sorted(q))
                t, occ, typ = q['text'], q['occurrence'], q['type']
                ps = positions(s, t)
                if len(ps) < occ:
                    err.append('found %d times, occurrence %d' % (len(ps), occ))
                else:
                    i, j = ps[occ - 1], ps[occ - 1] + len(t)
                    a = i - 1
                    while a >= 0 and s[a] in SPACE:
                        a -= 1
                    b = j
                    while b < len(s) and s[b] in SPACE:
                        b += 1
                    enclosed = a >= 0 and b < len(s) and s[a] in OPEN and s[b] in CLOSE
                    if typ in ('direct', 'term') and not enclosed:
                        err.append('not enclosed by quote marks')
                    if typ == 'indirect' and enclosed:
                        err.append('indirect text is enclosed by quote marks')
                if typ not in ('direct', 'indirect', 'term'):
                    err.append('bad type')
                if typ == 'term' and q['speaker'] is not None:
                    err.append('term with speaker')
                if typ != 'term' and not q['speaker']:
                    err.append('missing speaker')
                if err:
                    bad += 1
                    print('FAIL %s: %r: %s' % (f, t[:50], '; '.join(err)))
                by_type[typ] += 1
                by_file[f][typ] += 1
    for f in sorted(by_file):
        print('%-42s %s' % (f, dict(sorted(by_file[f].items()))))
    print('TOTAL', dict(sorted(by_type.items())), 'failures:', bad)
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
