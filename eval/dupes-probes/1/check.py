#!/usr/bin/env python3
"""check.py - validation and baselines for dupes-probes/1 (run via `python3 make.py --check`).

Validates docs/ against labels.jsonl and meta.jsonl (every id once, q7x2 numbering, encodings
decode as noted, CRLF only where noted), prints the composition of the set, body-level similarity
of true pairs vs hard-negative pairs, and scores naive baselines with ../../../../shared/eval/score.mjs
(predictions are written to /tmp/dupes-probes-1-baselines/, not into the repository).
"""
import collections
import itertools
import json
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORER = Path('/work/shared/eval/score.mjs')
TMP = Path('/tmp/dupes-probes-1-baselines')
SEP = 'q7x2'


def read_jsonl(p):
    return [json.loads(l) for l in open(p, encoding='utf-8') if l.strip()]


def split_docs(text):
    parts, cur = [], []
    for line in text.split('\n'):
        if line == SEP:
            parts.append('\n'.join(cur))
            cur = []
        else:
            cur.append(line)
    parts.append('\n'.join(cur))
    return parts


def validate(labels, metas):
    ok = True
    ids = [l['id'] for l in labels]
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    if dup:
        print('DUPLICATE label ids:', dup)
        ok = False
    meta = {m['id']: m for m in metas}
    if set(meta) != set(ids):
        print('labels/meta id mismatch')
        ok = False
    found = []
    for f in sorted((HERE / 'docs').iterdir()):
        raw = f.read_bytes()
        ms = [m for i, m in meta.items() if i.split('#')[0] == f.name]
        if not ms:
            print('file without labels:', f.name)
            ok = False
            continue
        enc = ms[0]['encoding']
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError as e:
            print('DECODE FAIL', f.name, enc, e)
            ok = False
            continue
        if enc != 'utf-8':
            try:
                raw.decode('utf-8')
                print('NOTE: non-UTF-8 file also decodes as UTF-8:', f.name)
            except UnicodeDecodeError:
                pass
        crlf = b'\r\n' in raw
        if crlf != (ms[0]['newline'] == 'crlf'):
            print('newline mismatch', f.name)
            ok = False
        if raw.startswith(b'\xef\xbb\xbf'):
            print('BOM in', f.name)
            ok = False
        text = text.replace('\r\n', '\n')
        parts = split_docs(text)
        if len(parts) == 1:
            found.append(f.name)
            if ms[0]['id'] != f.name:
                print('single-doc file labelled with #:', f.name)
                ok = False
        else:
            for n in range(1, len(parts) + 1):
                found.append(f'{f.name}#{n}')
            if len(parts) != ms[0]['file_docs']:
                print('doc count mismatch', f.name)
                ok = False
        for p in parts:
            if not p.strip():
                print('empty document in', f.name)
                ok = False
    if sorted(found) != sorted(ids):
        print('ids in docs/ != ids in labels:', set(found) ^ set(ids))
        ok = False
    print(f'validation: {"OK" if ok else "FAILED"} ({len(found)} documents in {len(list((HERE / "docs").iterdir()))} files)')
    return ok


# ------------------------------------------------------------------ similarity helpers
TOKRE = re.compile(r'[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]|[\u0e00-\u0e7f]|\w+')


def toks(t):
    return [x.lower() for x in TOKRE.findall(t)]


def shingles(t, n=5):
    ts = toks(t)
    return {tuple(ts[i:i + n]) for i in range(max(1, len(ts) - n + 1))}


def jacc(a, b):
    return len(a & b) / max(1, len(a | b))


def contain(a, b):
    return len(a & b) / max(1, min(len(a), len(b)))


def clusters_from_pairs(ids, pairs):
    parent = {i: i for i in ids}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for a, b in pairs:
        parent[find(a)] = find(b)
    groups = collections.defaultdict(list)
    for i in ids:
        groups[find(i)].append(i)
    return [g for g in groups.values() if len(g) > 1]


def score(name, clusters, labels_path):
    TMP.mkdir(exist_ok=True)
    p = TMP / f'{name}.jsonl'
    with open(p, 'w') as f:
        for c in clusters:
            f.write(json.dumps({'members': c}) + '\n')
    out = subprocess.run(['node', str(SCORER), 'dupes', '--labels', str(labels_path), '--pred', str(p)],
                         capture_output=True, text=True)
    line = [l for l in out.stdout.splitlines() if l.startswith('dupes ')]
    return line[0] if line else out.stdout + out.stderr


def main(docs=None, arts=None):
    labels = read_jsonl(HERE / 'labels.jsonl')
    metas = read_jsonl(HERE / 'meta.jsonl')
    ok = validate(labels, metas)
    meta = {m['id']: m for m in metas}
    # composition
    cl = collections.Counter(l['cluster'] for l in labels)
    sizes = collections.Counter(v for v in cl.values())
    multi = sum(v for v in cl.values() if v > 1)
    print(f'documents={len(labels)} clusters(size>1)={sum(1 for v in cl.values() if v > 1)} '
          f'in-cluster docs={multi} ({multi / len(labels):.1%}) singletons={sizes[1]}')
    print('cluster sizes:', dict(sorted(sizes.items())))
    print('languages (docs):', dict(collections.Counter(m['lang'] for m in metas).most_common()))
    print('languages (clusters):', dict(collections.Counter(m['lang'] for m in metas if m['variant'] == 0 and m['cluster_size'] > 1).most_common()))
    print('templates:', dict(collections.Counter(m['template'] for m in metas).most_common()))
    tx = collections.Counter(t for m in metas for t in set(m['transforms']))
    print('transforms (copies carrying each):', dict(tx.most_common()))
    ncopies = sum(1 for m in metas if m['variant'] > 0)
    print('copies (variant>0):', ncopies, ' text transforms per copy:',
          dict(collections.Counter(len(set(m['transforms']) - {'other_site_template', 'rewrap', 'encoding', 'crlf'}) for m in metas if m['variant'] > 0)))
    hn = [m for m in metas if m['hard_negative'] and m['cluster_size'] == 1]
    print('hard-negative singletons:', len(hn), f'({len(hn) / sizes[1]:.0%} of singletons)',
          dict(collections.Counter(m['hard_negative']['kind'] for m in hn)))
    print('encodings:', dict(collections.Counter(m['encoding'] for m in metas)), ' newline:',
          dict(collections.Counter(m['newline'] for m in metas)), ' multi-doc files:',
          len({m['id'].split('#')[0] for m in metas if '#' in m['id']}))
    lens = [m['source_units'] for m in metas if m['variant'] == 0 and m['unit'] == 'words']
    print('source lengths (words, spaced scripts): min', min(lens), 'max', max(lens))
    if docs is None:
        return ok
    # body-level similarity: true pairs vs hard negatives
    byid = {d['id']: d for d in docs}
    body = {i: d['title'] + '\n' + '\n'.join(d['paras']) for i, d in byid.items()}
    page = {i: d['text'] for i, d in byid.items()}
    bsh = {i: shingles(t) for i, t in body.items()}
    psh = {i: shingles(t) for i, t in page.items()}
    gold = {l['id']: l['cluster'] for l in labels}
    ids = sorted(gold)
    pos = [(a, b) for a, b in itertools.combinations(ids, 2) if gold[a] == gold[b]]
    worst = sorted((contain(bsh[a], bsh[b]), a, b) for a, b in pos)[:5]
    print('true pairs:', len(pos), ' lowest body 5-gram containment:',
          ', '.join(f'{c:.2f} {meta[a]["source"]}' for c, a, b in worst))
    src = {i: meta[i]['source'] for i in ids}
    grp = collections.defaultdict(list)
    bysrc = collections.defaultdict(list)
    for i in ids:
        bysrc[meta[i]['source']].append(i)
        h = meta[i]['hard_negative']
        if h:
            grp[h['group']].append(i)
    negset = {}
    for g, mem in grp.items():
        for a, b in itertools.combinations(mem, 2):
            if gold[a] != gold[b]:
                ka = meta[a]['hard_negative']['kind'] if meta[a]['cluster_size'] == 1 else meta[b]['hard_negative']['kind']
                negset[tuple(sorted((a, b)))] = ka
    for i in ids:
        h = meta[i]['hard_negative']
        if h and h.get('related_article'):
            for j in bysrc[h['related_article']]:
                if gold[i] != gold[j]:
                    negset[tuple(sorted((i, j)))] = h['kind']
    neg = [(k, a, b) for (a, b), k in negset.items()]
    byk = collections.defaultdict(list)
    for k, a, b in neg:
        byk[k].append((contain(bsh[a], bsh[b]), jacc(psh[a], psh[b])))
    for k, v in sorted(byk.items()):
        print(f'  hard negatives {k:9s}: pairs={len(v):4d} max body containment={max(x[0] for x in v):.2f} '
              f'max page jaccard={max(x[1] for x in v):.2f}')
    # baselines
    lp = HERE / 'labels.jsonl'
    print('baseline all-singletons      :', score('singletons', [], lp))
    h = collections.defaultdict(list)
    for i in ids:
        h[page[i]].append(i)
    print('baseline exact page hash     :', score('exact_page', [g for g in h.values() if len(g) > 1], lp))
    h = collections.defaultdict(list)
    for i in ids:
        h[' '.join(toks(body[i]))].append(i)
    print('baseline exact gold-body hash:', score('exact_body', [g for g in h.values() if len(g) > 1], lp))
    for th in (0.7, 0.5, 0.3):
        pairs = [(a, b) for a, b in itertools.combinations(ids, 2) if jacc(psh[a], psh[b]) >= th]
        print(f'baseline page 5-gram Jaccard>={th}:', score(f'page_j{th}', clusters_from_pairs(ids, pairs), lp))
    for th in (0.5, 0.3):
        pairs = [(a, b) for a, b in itertools.combinations(ids, 2) if contain(bsh[a], bsh[b]) >= th]
        print(f'oracle gold-body containment>={th}:', score(f'body_c{th}', clusters_from_pairs(ids, pairs), lp))
    return ok


if __name__ == '__main__':
    sys.exit(0 if main() else 1)
