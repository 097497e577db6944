#!/usr/bin/env python3
"""Validate dupes-probes/2 and print baselines (predictions go to /tmp)."""
import collections, itertools, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SCORE = '/work/shared/eval/score.mjs'
labels = [json.loads(l) for l in open(os.path.join(HERE, 'labels.jsonl'), encoding='utf-8')]
metas = [json.loads(l) for l in open(os.path.join(HERE, 'meta.jsonl'), encoding='utf-8')]
lab = {l['id']: l['cluster'] for l in labels}
assert len(lab) == len(labels), 'duplicate label ids'
assert [m['id'] for m in metas] == [l['id'] for l in labels], 'meta/labels mismatch'

docs = {}
for name in sorted(os.listdir(os.path.join(HERE, 'docs'))):
    raw = open(os.path.join(HERE, 'docs', name), 'rb').read()
    assert not raw.startswith(b'\xef\xbb\xbf'), name + ' BOM'
    assert b'\r' not in raw, name + ' CR'
    text = raw.decode('utf-8')  # strict
    parts = text.rstrip('\n').split('\nq7x2\n')
    assert all(line != 'q7x2' for p in parts for line in p.split('\n')), name
    for i, p in enumerate(parts):
        did = name if len(parts) == 1 else '%s#%d' % (name, i + 1)
        assert p.strip(), did + ' empty'
        docs[did] = p
assert set(docs) == set(lab), (set(docs) ^ set(lab))
nmulti = sum(1 for n in os.listdir(os.path.join(HERE, 'docs')) if '%s#1' % n in docs)
print('validation OK: %d documents, %d files, %d multi-document files' % (len(docs), len(os.listdir(os.path.join(HERE, 'docs'))), nmulti))

TOK = re.compile(r'\w+')
def sh(t, n=5):
    w = TOK.findall(t.lower())
    return {' '.join(w[i:i + n]) for i in range(max(1, len(w) - n + 1))}
S = {d: sh(t) for d, t in docs.items()}
ids = sorted(docs)
jac = {}
for a, b in itertools.combinations(ids, 2):
    x, y = S[a], S[b]
    i = len(x & y)
    jac[(a, b)] = i / (len(x | y) or 1)

def clusters_at(th):
    par = {d: d for d in ids}
    def f(x):
        while par[x] != x:
            par[x] = par[par[x]]; x = par[x]
        return x
    for (a, b), j in jac.items():
        if j >= th:
            par[f(a)] = f(b)
    g = collections.defaultdict(list)
    for d in ids: g[f(d)].append(d)
    return [v for v in g.values()]

def score(name, cl):
    p = '/tmp/dp2_%s.jsonl' % name
    with open(p, 'w') as f:
        for c in cl: f.write(json.dumps({'members': c}) + '\n')
    out = subprocess.run(['node', SCORE, 'dupes', '--labels', os.path.join(HERE, 'labels.jsonl'), '--pred', p, '--json'], capture_output=True, text=True)
    return out.stdout.strip() or out.stderr.strip()

print('all singletons:', score('single', [[d] for d in ids]))
for th in (0.5, 0.3):
    print('raw page word 5-gram Jaccard >= %.1f:' % th, score('j%02d' % int(th * 10), clusters_at(th)))

# separation on raw pages
M = {m['id']: m for m in metas}
true = [(a, b) for (a, b) in jac if lab[a] == lab[b]]
print('true pairs', len(true))
tw = sorted(((jac[p], p) for p in true))[:5]
print('weakest true pairs (raw Jaccard):', [(round(j, 3), M[a].get('transforms'), M[b].get('transforms')) for j, (a, b) in tw])
hn = collections.defaultdict(float)
for (a, b), j in jac.items():
    if lab[a] != lab[b]:
        ka = (M[a].get('hard_negative') or {}).get('kind'); kb = (M[b].get('hard_negative') or {}).get('kind')
        k = ka if ka and ka == kb else ('correction' if 'correction' in (ka, kb) and ('s-corr-' + lab[a] == lab[b] or 's-corr-' + lab[b] == lab[a]) else None)
        if 's-commentary-' in lab[a] + lab[b] and M[a]['source'] == M[b]['source']:
            k = 'commentary<60%'
        hn[k or 'other'] = max(hn[k or 'other'], j)
print('max raw Jaccard among non-duplicates by kind:', {k: round(v, 3) for k, v in hn.items()})
by = collections.defaultdict(list)
for tr in ('syndicated', 'reorder2', 'commentary', 'numbers', 'script', 'ocr', 'amp', 'cut'):
    for (a, b) in true:
        if tr in (M[a].get('transforms') or []) + (M[b].get('transforms') or []) and (M[a].get('variant') == 0 or M[b].get('variant') == 0):
            by[tr].append(round(jac[(a, b)], 2))
print('raw Jaccard copy vs v0 by transform (min/median/max):', {k: (min(v), sorted(v)[len(v) // 2], max(v)) for k, v in by.items()})
