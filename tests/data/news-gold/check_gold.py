#!/usr/bin/env python3
"""Sanity-check news-gold/gold.jsonl against the texts next to it.

For every annotation:
  - every field is present, with an allowed value (see README.md);
  - `text` occurs in its file at least `occurrence` times;
  - for `direct` and `term` the text at that occurrence is enclosed by a pair of
    quote marks: “…” ‘…’ «…» „…“ "…" '…' ``…'' ''…'' `…' (spaces and no-break
    spaces next to the marks are skipped), or, in Spanish files, by dialogue
    dashes (—…— or —… up to the end of the paragraph);
  - `indirect` texts are not enclosed by quote marks;
  - quotes are listed in file order.
For every file, every opening quote mark must belong to an annotation (the
mark right before a direct/term text, or a re-opening mark at the start of a
paragraph inside a multi-paragraph quote): a quote-marked span nobody
annotated is an error.
Prints counts per file, per type, per layout and per language; exit status 1
on any failure.

File names are NN_LAYOUT_LANG_slug.txt; LAYOUT and LANG are read from them.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SPACE = ' \u00a0\u202f'
KEYS = ['text', 'occurrence', 'type', 'partial', 'speaker', 'kind', 'named', 'role', 'affiliation']
TYPES = {'direct', 'indirect', 'term'}
KINDS = {'person': True, 'organisation': True, 'group': False, 'unnamed': False}
LAYOUTS = {'wire', 'un-lines', 'un-wrapped', 'pdf', 'web', 'plain'}
LANGS = {'en', 'ru', 'es'}
NAME = re.compile(r'^(\d\d)_([a-z-]+)_([a-z]{2})_[a-z0-9-]+\.txt$')
# opening mark -> closing marks it may pair with
PAIRS = {'“': {'”'}, '‘': {'’'}, '«': {'»'}, '„': {'“', '”'}, '"': {'"'},
         "'": {"'"}, '``': {"''"}, "''": {"''"}, '`': {"'"}}


def positions(s, t):
    out, i = [], s.find(t)
    while i != -1:
        out.append(i)
        i = s.find(t, i + 1)
    return out


def mark_before(s, i):
    """The quote mark that ends right before position i (spaces skipped): (mark, start) or (None, a)."""
    a = i - 1
    while a >= 0 and s[a] in SPACE:
        a -= 1
    if a < 0:
        return None, a
    if a >= 1 and s[a - 1:a + 1] in ('``', "''"):
        return s[a - 1:a + 1], a - 1
    if s[a] in PAIRS:
        return s[a], a
    return None, a


def mark_after(s, j):
    """The quote mark that starts at position j (spaces skipped): (mark, start) or (None, b)."""
    b = j
    while b < len(s) and s[b] in SPACE:
        b += 1
    if b >= len(s):
        return None, b
    if s[b:b + 2] == "''":
        return "''", b
    if s[b] in '”’»“"\'':
        return s[b], b
    return None, b


def dash_enclosed(s, i, j):
    """Spanish dialogue dash: —text —verb / —text (end of paragraph) / —verb—. text"""
    a = i - 1
    while a >= 0 and s[a] in SPACE:
        a -= 1
    opened = a >= 0 and (s[a] == '—' or (s[a] in '.,;:' and a >= 1 and s[a - 1] == '—'))
    b = j
    while b < len(s) and s[b] in SPACE:
        b += 1
    closed = b >= len(s) or s[b] in '—\n'
    return opened and closed


def enclosed(s, i, j, lang):
    m1, _ = mark_before(s, i)
    m2, _ = mark_after(s, j)
    if m1 is not None and m2 is not None and m2 in PAIRS[m1]:
        return True
    # a `…' pair: the closing single apostrophe may be read as the first half of ''
    if m1 == '`' and j < len(s) and s[j] == "'":
        return True
    return lang == 'es' and dash_enclosed(s, i, j)


def opening_marks(s, lang):
    """Positions of marks that open a quotation (for the completeness check)."""
    out = []
    for m in re.finditer(r"``|''|[“«„‘\"]|(?<![\w’'])'(?=\w)|(?<![`\w])`(?!`)", s):
        # " and '' are ambiguous (opening or closing): every one must belong to an annotation
        out.append((m.start(), m.group(0)))
    if lang == 'es':
        for m in re.finditer(r'(?m)^—', s):
            out.append((m.start(), '—'))
    return out


def check_field_values(q):
    err = []
    if list(q) != KEYS:
        err.append('keys %s' % list(q))
        return err
    typ = q['type']
    if typ not in TYPES:
        err.append('bad type %r' % typ)
    if not isinstance(q['text'], str) or not q['text'] or q['text'] != q['text'].strip():
        err.append('text empty or with outer whitespace')
    if not isinstance(q['occurrence'], int) or isinstance(q['occurrence'], bool) or q['occurrence'] < 1:
        err.append('bad occurrence %r' % (q['occurrence'],))
    if typ == 'direct' and not isinstance(q['partial'], bool):
        err.append('direct quote needs partial true/false')
    if typ != 'direct' and q['partial'] is not None:
        err.append('partial must be null for %s' % typ)
    if typ == 'term':
        for k in ('speaker', 'kind', 'named', 'role', 'affiliation'):
            if q[k] is not None:
                err.append('term with %s' % k)
    else:
        if not isinstance(q['speaker'], str) or not q['speaker'].strip():
            err.append('missing speaker')
        if q['kind'] not in KINDS:
            err.append('bad kind %r' % (q['kind'],))
        elif q['named'] is not KINDS[q['kind']]:
            err.append('named must be %s for kind %s' % (KINDS[q['kind']], q['kind']))
        for k in ('role', 'affiliation'):
            if q[k] is not None and (not isinstance(q[k], str) or not q[k].strip()):
                err.append('bad %s %r' % (k, q[k]))
    return err


def main(path=os.path.join(HERE, 'gold.jsonl')):
    bad = 0
    by_type = collections.Counter()
    by_file = collections.OrderedDict()
    by_layout = collections.defaultdict(collections.Counter)
    by_lang = collections.defaultdict(collections.Counter)
    seen = set()
    with open(path, encoding='utf-8') as fh:
        for ln, line in enumerate(fh, 1):
            rec = json.loads(line)
            f = rec['file']
            if set(rec) != {'file', 'quotes'}:
                print('FAIL line %d: keys %s' % (ln, sorted(rec)))
                bad += 1
            nm = NAME.match(f)
            if not nm or nm.group(2) not in LAYOUTS or nm.group(3) not in LANGS:
                print('FAIL %s: file name is not NN_LAYOUT_LANG_slug.txt with a known layout/language' % f)
                bad += 1
                continue
            layout, lang = nm.group(2), nm.group(3)
            seen.add(f)
            s = open(os.path.join(HERE, f), encoding='utf-8').read()
            counts = collections.Counter()
            used = set()          # positions of quote marks that belong to annotations
            last = -1
            for q in rec['quotes']:
                err = check_field_values(q)
                if err and err[0].startswith('keys'):
                    bad += 1
                    print('FAIL %s: %r: %s' % (f, str(q.get('text'))[:50], '; '.join(err)))
                    continue
                t, occ, typ = q['text'], q['occurrence'], q['type']
                ps = positions(s, t) if t else []
                if isinstance(occ, int) and len(ps) < occ:
                    err.append('found %d times, occurrence %d' % (len(ps), occ))
                elif isinstance(occ, int) and occ >= 1:
                    i = ps[occ - 1]
                    j = i + len(t)
                    if i < last:
                        err.append('not in file order')
                    last = i
                    enc = enclosed(s, i, j, lang)
                    if typ in ('direct', 'term'):
                        if not enc:
                            err.append('not enclosed by quote marks')
                        m1, a = mark_before(s, i)
                        if m1:
                            used.update(range(a, a + len(m1)))
                        elif lang == 'es':
                            used.update(k for k in range(max(0, i - 3), i) if s[k] == '—')
                        m2, b = mark_after(s, j)
                        if m2:
                            used.update(range(b, b + len(m2)))
                        if typ == 'direct':
                            # re-opening marks of a multi-paragraph quote
                            for m in re.finditer(r'\n[ \t]*(["“«‘]|``|\'\')', t):
                                used.add(i + m.start(1))
                    if typ == 'indirect' and enc:
                        err.append('indirect text is enclosed by quote marks')
                if err:
                    bad += 1
                    print('FAIL %s: %r: %s' % (f, t[:50], '; '.join(err)))
                counts[typ] += 1
                if typ == 'direct' and q['partial'] is True:
                    counts['partial'] += 1
            # completeness: every opening mark belongs to an annotation
            for p, tok in opening_marks(s, lang):
                if p in used:
                    continue
                bad += 1
                ctx = s[max(0, p - 30):p + 30].replace('\n', '\\n').replace('\f', '\\f')
                print('FAIL %s: quote mark %r at %d not annotated: ...%s...' % (f, tok, p, ctx))
            by_file[f] = (layout, lang, counts)
            for k, v in counts.items():
                by_type[k] += v
                by_layout[layout][k] += v
                by_lang[lang][k] += v
            by_layout[layout]['files'] += 1
            by_lang[lang]['files'] += 1
    for f in sorted(os.listdir(HERE)):
        if f.endswith('.txt') and f not in seen:
            bad += 1
            print('FAIL %s: text without a gold line' % f)

    def row(c):
        return 'direct %3d (partial %2d)  term %2d  indirect %3d' % (
            c['direct'], c['partial'], c['term'], c['indirect'])
    print('%-44s %-10s %-4s %s' % ('file', 'layout', 'lang', 'counts'))
    for f, (layout, lang, c) in by_file.items():
        print('%-44s %-10s %-4s %s' % (f, layout, lang, row(c)))
    print('\nper layout:')
    for k in sorted(by_layout):
        print('  %-10s %2d files  %s' % (k, by_layout[k]['files'], row(by_layout[k])))
    print('per language:')
    for k in sorted(by_lang):
        print('  %-10s %2d files  %s' % (k, by_lang[k]['files'], row(by_lang[k])))
    print('per type:', dict(sorted(by_type.items())))
    print('TOTAL %s  failures: %d' % (row(by_type), bad))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:]))
