#!/usr/bin/env python3
"""make.py - deterministic generator for eval/dupes-probes/1 (near-duplicate detection probes).

    python3 make.py            # rebuild docs/, labels.jsonl, meta.jsonl (and stats.json)
    python3 make.py --check    # rebuild, then validate the output and print baselines

Inputs: articles/<lang>.txt (hand-written invented news, see the format note below), ui.py
(per-language site chrome and the site list). Everything random is drawn from random.Random
seeded with SEED plus a stable key, so a rebuild is byte-identical.

articles/<lang>.txt format: one paragraph per line; '%%' lines are comments; a block starts with
    @@ <id> | key=value | key=value ...
then 'T: <title>', optional 'A: <alternative title>' lines, body paragraphs, and optional
'+intro', '+outro', '+update' sections (extra paragraphs used by copy transforms).
Keys: copies=N (cluster of N documents), site=<site id> (variant 0 / singleton site),
date=YYYY-MM-DD, place=<dateline place>, author=, sec=news|world|politics|business|sport|
culture|science|opinion, hn=<kind>:<group> (hard-negative annotation), rel=<article id>,
force=<variant>:<tx>+<tx>,<variant>:... (transforms forced on a copy).
Body tokens: '{{boiler:NAME}}' (a whole paragraph: the paragraphs of block 'boiler:NAME') and
'{{quote:ID:N}}' (paragraph N, 1-based, of article ID, verbatim). Blocks 'comments:<lang>' hold
reader comments as 'user: text' lines.
"""
import hashlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui import UI, SITES  # noqa: E402

SEED = 'dupes-probes-1/2025'
HERE = Path(__file__).resolve().parent
SEP = 'q7x2'
CJK = ('zh', 'ja')
SECS = ['home', 'news', 'world', 'politics', 'business', 'sport', 'culture', 'science', 'opinion']
MULTI_FILES = 20


def R(*key):
    return random.Random(SEED + '|' + '|'.join(map(str, key)))


# ------------------------------------------------------------------ loading
def load():
    arts, order = {}, []
    for f in sorted((HERE / 'articles').glob('*.txt')):
        lang = f.stem
        cur = None
        for ln in f.read_text('utf-8').splitlines():
            s = ln.strip()
            if not s or s.startswith('%%'):
                continue
            if s.startswith('@@'):
                head = [x.strip() for x in s[2:].split('|')]
                cur = {'id': head[0], 'lang': lang, 'meta': {}, 'title': None, 'alt': [], 'sec': 'body',
                       'parts': {'body': []}}
                for h in head[1:]:
                    k, _, v = h.partition('=')
                    cur['meta'][k.strip()] = v.strip()
                if cur['id'] in arts:
                    raise SystemExit(f'duplicate article id {cur["id"]}')
                arts[cur['id']] = cur
                order.append(cur['id'])
                continue
            if cur is None:
                raise SystemExit(f'{f}: text before first @@')
            if s.startswith('T: ') and cur['title'] is None:
                cur['title'] = s[3:].strip()
                continue
            if s.startswith('A: '):
                cur['alt'].append(s[3:].strip())
                continue
            m = re.fullmatch(r'\+(intro|outro|update)', s)
            if m:
                cur['sec'] = m.group(1)
                cur['parts'][cur['sec']] = []
                continue
            cur['parts'][cur['sec']].append(s)
    # expand boilerplate, then quotes
    for a in arts.values():
        out = []
        for p in a['parts']['body']:
            m = re.fullmatch(r'\{\{boiler:(\S+?)\}\}', p)
            if m:
                out.extend(arts['boiler:' + m.group(1)]['parts']['body'])
            else:
                out.append(p)
        a['parts']['body'] = out
    for a in arts.values():
        a['parts']['body'] = [re.sub(r'\{\{quote:([^:}]+):(\d+)\}\}',
                                     lambda m: arts[m.group(1)]['parts']['body'][int(m.group(2)) - 1], p)
                              for p in a['parts']['body']]
    comments = {}
    for k, a in arts.items():
        if k.startswith('comments:'):
            comments[k.split(':', 1)[1]] = [tuple(x.split(': ', 1)) for x in a['parts']['body']]
    real = [arts[k] for k in order if ':' not in k]
    for a in real:
        if not a['title'] or not a['parts']['body']:
            raise SystemExit(f'article {a["id"]} lacks title or body')
        for p in a['parts']['body']:
            if '{{' in p:
                raise SystemExit(f'unexpanded token in {a["id"]}')
    return real, comments


# ------------------------------------------------------------------ text helpers
def sentences(p, lang):
    if lang in CJK:
        ss = re.findall(r'.+?(?:[。！？]+[」』”）]*|$)', p)
    elif lang == 'th':
        ss = p.split(' ')
    elif lang == 'hi':
        ss = re.split(r'(?<=[।?!])\s+', p)
    else:
        ss = re.split(r'(?<=[.!?…؟])\s+(?=\S)|(?<=[.!?][”"»’)])\s+(?=\S)', p)
    return [s for s in ss if s and s.strip()]


def sjoin(ss, lang):
    return ('' if lang in CJK else ' ').join(ss)


CJK_CH = re.compile(r'[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]')


def units(text, lang):
    """words for spaced scripts, characters for zh/ja/th (whitespace excluded)"""
    if lang in CJK:
        return len(CJK_CH.findall(text)) + len(re.findall(r'[A-Za-z0-9]+', text))
    if lang == 'th':
        return len(re.sub(r'\s', '', text))
    return len(text.split())


def unit_name(lang):
    return 'chars' if lang in CJK + ('th',) else 'words'


def cw(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in 'WF' else 1


def dw(s):
    return sum(cw(c) for c in s)


NOSTART = set('、。，．：；！？）」』】〕”’・ー…%,.!?:;)]}»')
TOK = re.compile(r'[ \t]+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^ \t\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+')


def wrap(text, width, indent='', hang=None):
    """greedy w3m/lynx-like wrapping; CJK may break between any two characters"""
    lead = re.match(r'[ \t]*', text).group()
    indent += lead
    hang = indent if hang is None else hang
    lines, cur, curw, empty, sep = [], indent, dw(indent), True, ''
    for m in TOK.finditer(text):
        t = m.group()
        if t[0] in ' \t':
            sep = ' '
            continue
        tw = dw(t)
        add = (1 if sep and not empty else 0) + tw
        if not empty and curw + add > width and t[0] not in NOSTART:
            lines.append(cur.rstrip())
            cur, curw = hang + t, dw(hang) + tw
        else:
            cur += (' ' if sep and not empty else '') + t
            curw += add
        empty, sep = False, ''
    if not empty:
        lines.append(cur.rstrip())
    return lines


def up(s, lang):
    if lang == 'tr':
        s = s.replace('i', 'İ').replace('ı', 'I')
    return s.upper()


def slug(title, key):
    s = unicodedata.normalize('NFKD', title)
    s = ''.join(c for c in s if not unicodedata.combining(c)).lower()
    words = re.findall(r'[a-z0-9]+', s)
    h = hashlib.sha1(key.encode()).hexdigest()[:6]
    if len(words) >= 3:
        return '-'.join(words[:7]) + '-' + h
    return 'a' + str(int(h, 16))


# ------------------------------------------------------------------ copy transforms
SYN = {
    'en': [('said', 'stated'), ('about', 'around'), ('officials', 'authorities'), ('residents', 'locals'),
           ('began', 'started'), ('big', 'large'), ('buy', 'purchase'), ('however', 'but'), ('help', 'assist'),
           ('shows', 'indicates'), ('nearly', 'almost'), ('children', 'kids'), ('told', 'informed'),
           ('expected', 'anticipated'), ('plans', 'intends'), ('area', 'district'), ('quickly', 'rapidly'),
           ('also', 'additionally'), ('people', 'individuals'), ('company', 'firm'), ('city', 'town'),
           ('cars', 'vehicles'), ('money', 'funds'), ('enough', 'sufficient'), ('main', 'principal')],
    'de': [('sagte', 'erklärte'), ('etwa', 'rund'), ('Stadt', 'Kommune'), ('Menschen', 'Personen'),
           ('bereits', 'schon'), ('jedoch', 'aber'), ('außerdem', 'zudem'), ('Unternehmen', 'Konzern'),
           ('erhalten', 'bekommen'), ('beginnen', 'starten'), ('wichtig', 'bedeutend'), ('Kinder', 'Jugendliche'),
           ('nach Angaben', 'laut Angaben'), ('groß', 'umfangreich'), ('teilte', 'gab')],
    'es': [('dijo', 'afirmó'), ('unos', 'alrededor de'), ('ciudad', 'localidad'), ('personas', 'ciudadanos'),
           ('sin embargo', 'no obstante'), ('además', 'asimismo'), ('empresa', 'compañía'), ('comenzar', 'empezar'),
           ('importante', 'relevante'), ('según', 'de acuerdo con'), ('también', 'igualmente'), ('explicó', 'detalló'),
           ('aseguró', 'afirmó'), ('vecinos', 'residentes')],
    'fr': [('a déclaré', 'a affirmé'), ('environ', 'près de'), ('ville', 'commune'), ('personnes', 'habitants'),
           ('cependant', 'toutefois'), ('également', 'aussi'), ('entreprise', 'société'), ('commencer', 'débuter'),
           ('important', 'majeur'), ('selon', "d'après"), ('a expliqué', 'a précisé'), ('rapidement', 'vite')],
    'pt': [('disse', 'afirmou'), ('cerca de', 'aproximadamente'), ('cidade', 'município'), ('pessoas', 'moradores'),
           ('porém', 'no entanto'), ('também', 'ainda'), ('empresa', 'companhia'), ('segundo', 'de acordo com'),
           ('explicou', 'detalhou'), ('importante', 'relevante')],
    'id': [('mengatakan', 'menyatakan'), ('sekitar', 'kurang lebih'), ('warga', 'penduduk'), ('namun', 'tetapi'),
           ('juga', 'pun'), ('perusahaan', 'korporasi'), ('menurut', 'berdasarkan keterangan'), ('besar', 'luas'),
           ('mulai', 'sejak'), ('menjelaskan', 'memaparkan')],
    'tr': [('dedi', 'ifade etti'), ('yaklaşık', 'civarında'), ('vatandaşlar', 'halk'), ('ancak', 'fakat'),
           ('ayrıca', 'bunun yanı sıra'), ('şirket', 'firma'), ('göre', 'nazaran'), ('büyük', 'geniş'),
           ('açıkladı', 'duyurdu'), ('belirtti', 'kaydetti')],
    'vi': [('cho biết', 'cho hay'), ('khoảng', 'chừng'), ('người dân', 'bà con'), ('tuy nhiên', 'song'),
           ('cũng', 'đồng thời'), ('doanh nghiệp', 'công ty'), ('theo', 'căn cứ'), ('lớn', 'quy mô'),
           ('bắt đầu', 'khởi động'), ('nhanh chóng', 'kịp thời')],
    'pl': [('powiedział', 'stwierdził'), ('około', 'blisko'), ('miasto', 'gmina'), ('mieszkańcy', 'lokatorzy'),
           ('jednak', 'ale'), ('także', 'również'), ('firma', 'spółka'), ('według', 'jak podaje'),
           ('duży', 'spory'), ('poinformował', 'przekazał')],
    'ru': [('сообщил', 'заявил'), ('около', 'порядка'), ('жители', 'горожане'), ('однако', 'но'),
           ('также', 'кроме того'), ('компания', 'фирма'), ('по словам', 'как отметил'), ('большой', 'крупный'),
           ('начали', 'стали'), ('рассказал', 'пояснил'), ('город', 'населённый пункт'), ('сейчас', 'в настоящее время')],
    'uk': [('повідомив', 'заявив'), ('близько', 'приблизно'), ('мешканці', 'жителі'), ('однак', 'проте'),
           ('також', 'крім того'), ('компанія', 'фірма'), ('великий', 'значний'), ('розповів', 'пояснив')],
    'zh': [('表示', '指出'), ('目前', '当前'), ('市民', '居民'), ('但是', '不过'), ('此外', '另外'),
           ('进行', '开展'), ('开始', '启动'), ('今年', '本年度'), ('非常', '十分'), ('希望', '期望'),
           ('介绍', '说明'), ('预计', '预期')],
    'ja': [('明らかにした', '発表した'), ('住民', '市民'), ('しかし', 'ただ'), ('会社', '企業'),
           ('始まった', '開始された'), ('話した', '語った'), ('大きな', '大規模な'), ('今後', 'これから'),
           ('確認', '把握'), ('見込み', '見通し')],
    'th': [('กล่าวว่า', 'เปิดเผยว่า'), ('ประชาชน', 'ชาวบ้าน'), ('นอกจากนี้', 'ขณะเดียวกัน'),
           ('อย่างต่อเนื่อง', 'ไม่หยุด'), ('ชั่วคราว', 'เป็นการชั่วคราว')],
    'ar': [('قال', 'أوضح'), ('نحو', 'حوالي'), ('السكان', 'الأهالي'), ('لكن', 'غير أن'), ('كما', 'وأيضا'),
           ('الشركة', 'المؤسسة'), ('وفقا', 'بحسب'), ('كبير', 'ضخم'), ('أكد', 'شدد')],
    'hi': [('कहा', 'बताया'), ('लगभग', 'करीब'), ('लोगों', 'नागरिकों'), ('लेकिन', 'परंतु'), ('भी', 'साथ ही'),
           ('कंपनी', 'फर्म'), ('अनुसार', 'मुताबिक'), ('बड़ा', 'विशाल'), ('शुरू', 'आरंभ')],
}
TYPO_LANGS = {'en', 'de', 'es', 'fr', 'pt', 'id', 'tr', 'vi', 'pl', 'ru', 'uk'}

# (source quote pair as written in articles/, alternative pairs a copy may use)
QS = {
    'en': (('“', '”'), [('"', '"')]),
    'de': (('„', '“'), [('»', '«'), ('"', '"')]),
    'fr': (('«', '»'), [('“', '”'), ('"', '"'), ('« ', ' »')]),
    'es': (('«', '»'), [('“', '”'), ('"', '"')]),
    'pt': (('“', '”'), [('"', '"'), ('«', '»')]),
    'pl': (('„', '”'), [('"', '"'), ('«', '»')]),
    'ru': (('«', '»'), [('„', '“'), ('"', '"')]),
    'uk': (('«', '»'), [('"', '"'), ('„', '“')]),
    'zh': (('“', '”'), [('「', '」')]),
    'ja': (('「', '」'), [('「', '」'), ('“', '”')]),
    'th': (('“', '”'), [('"', '"')]),
    'ar': (('«', '»'), [('"', '"'), ('“', '”')]),
    'hi': (('“', '”'), [('"', '"')]),
    'id': (('“', '”'), [('"', '"')]),
    'tr': (('“', '”'), [('"', '"')]),
    'vi': (('“', '”'), [('"', '"')]),
}


def wre(w, lang):
    if lang in CJK or lang == 'th':
        return re.compile(re.escape(w))
    return re.compile(r'(?<!\w)' + re.escape(w) + r'(?!\w)')


def tx_edits(paras, lang, rate, r):
    total = sum(units(p, lang) for p in paras)
    if lang in CJK:
        total = total // 2  # ~ words
    elif lang == 'th':
        total = total // 5
    n = max(1, round(total * rate))
    ops = ['syn', 'num', 'typo'] if lang in TYPO_LANGS else ['syn', 'num']
    w = [5, 2, 1.5] if lang in TYPO_LANGS else [7, 3]
    log, tries, inserted = [], 0, set()
    while len(log) < n and tries < n * 40:
        tries += 1
        op = r.choices(ops, w)[0]
        i = r.randrange(len(paras))
        p = paras[i]
        if op == 'syn':
            cands = []
            for a, b in SYN.get(lang, []):
                for src, dst in ((a, b), (b, a), (a[:1].upper() + a[1:], b[:1].upper() + b[1:]),
                                 (b[:1].upper() + b[1:], a[:1].upper() + a[1:])):
                    if src.lower() in inserted or dst.lower() in inserted:
                        continue
                    if wre(src, lang).search(p):
                        cands.append((src, dst))
            if not cands:
                continue
            src, dst = r.choice(cands)
            ms = list(wre(src, lang).finditer(p))
            m = r.choice(ms)
            paras[i] = p[:m.start()] + dst + p[m.end():]
            inserted.update((src.lower(), dst.lower()))
            log.append(f'syn:{src}>{dst}')
        elif op == 'num':
            ms = [m for m in re.finditer(r'(?<![\d.,:/-])\d{1,3}(?![\d:/]|[.,]\d)', p) if m.group() not in inserted]
            if not ms:
                continue
            m = r.choice(ms)
            v = int(m.group())
            dv = r.choice([1, 2, 3]) if v < 30 else max(1, round(v * r.uniform(0.03, 0.12)))
            nv = v + dv if r.random() < 0.7 or v - dv < 1 else v - dv
            paras[i] = p[:m.start()] + str(nv) + p[m.end():]
            inserted.add(str(nv))
            log.append(f'num:{v}>{nv}')
        else:
            ms = [m for m in re.finditer(r'[^\W\d_]{6,}', p) if m.group().lower() not in inserted]
            if not ms:
                continue
            m = r.choice(ms)
            wd = m.group()
            j = r.randrange(1, len(wd) - 2)
            if wd[j] == wd[j + 1]:
                continue
            nw = wd[:j] + wd[j + 1] + wd[j] + wd[j + 2:]
            paras[i] = p[:m.start()] + nw + p[m.end():]
            inserted.add(nw.lower())
            log.append(f'typo:{wd}>{nw}')
    return paras, log


def tx_style(paras, lang, r):
    src, targets = QS[lang]
    tgt = r.choice(targets)
    log = []
    out = []
    for p in paras:
        if lang == 'fr':
            p = re.sub('«[\u00a0\u202f ]?', '\x01', p)
            p = re.sub('[\u00a0\u202f ]?»', '\x02', p)
            p = re.sub('[\u00a0\u202f]([;:!?])', r'\1' if tgt[0] != '« ' else r' \1', p)
        else:
            p = p.replace(src[0], '\x01').replace(src[1], '\x02')
        p = p.replace('\x01', tgt[0]).replace('\x02', tgt[1])
        out.append(p)
    if tgt != src:
        log.append(f'quotes:{src[0]}{src[1]}>{tgt[0]}{tgt[1]}'.replace('\u00a0', '~'))
    txt = '\n'.join(out)
    if lang == 'ja':
        txt2 = txt.translate({ord(c): 0xFF10 + i for i, c in enumerate('0123456789')})
        txt2 = txt2.replace('(', '（').replace(')', '）')
        if txt2 != txt:
            log.append('ja:fullwidth-digits')
        txt = txt2
    if '’' in txt and lang not in CJK:
        txt = txt.replace('’', "'")
        log.append("apos:’>'")
    elif "'" in txt and lang in ('en', 'fr', 'pt', 'id', 'tr', 'vi'):
        txt = re.sub(r"(?<=\w)'(?=\w)", '’', txt)
        log.append("apos:'>’")
    for d in (' — ', ' – '):
        if d in txt:
            nd = r.choice([x for x in (' - ', ' – ', ' — ', ' -- ') if x != d])
            txt = txt.replace(d, nd)
            log.append(f'dash:{d.strip()}>{nd.strip()}')
            break
    if lang == 'zh' and '——' in txt:
        txt = txt.replace('——', '—')
        log.append('dash:——>—')
    return txt.split('\n'), log


def tx_split(paras, lang, r):
    cands = [i for i, p in enumerate(paras) if len(sentences(p, lang)) >= 2]
    if not cands:
        return paras, None
    i = r.choice(cands)
    ss = sentences(paras[i], lang)
    k = max(1, len(ss) // 2)
    paras[i:i + 1] = [sjoin(ss[:k], lang), sjoin(ss[k:], lang)]
    return paras, f'split@{i + 1}'


def tx_merge(paras, lang, r):
    if len(paras) < 3:
        return paras, None
    i = r.randrange(0, len(paras) - 1)
    paras[i:i + 2] = [sjoin([paras[i], paras[i + 1]], lang)]
    return paras, f'merge@{i + 1}'


def tx_cut(paras, lang, frac):
    """keep the first `frac` of the body (by characters), cutting at a sentence boundary"""
    units_ = [(pi, s) for pi, p in enumerate(paras) for s in sentences(p, lang)]
    total = sum(len(s) for _, s in units_)
    acc, bounds = 0, []
    for k, (_, s) in enumerate(units_):
        acc += len(s)
        bounds.append((acc / total, k))
    floor = [b for b in bounds if b[0] <= frac]
    ceil = [b for b in bounds if b[0] >= frac]
    pick = ceil[0] if ceil and ceil[0][0] <= 0.92 else (floor[-1] if floor and floor[-1][0] >= 0.35 else ceil[0])
    keep = units_[:pick[1] + 1]
    out = []
    for pi in sorted({pi for pi, _ in keep}):
        out.append(sjoin([s for q, s in keep if q == pi], lang))
    return out, pick[0]


def dateline(a, r):
    L = UI[a['lang']]
    place = a['meta'].get('place', '')
    fmts = [f for f in L['datelines'] if place or not re.search(r'\{(PLACE|Place|place)\}', f)]
    if not fmts:
        return None
    f = r.choice(fmts)
    y, m, d = map(int, a['meta']['date'].split('-'))
    mon = L['months'][m - 1]
    mon3 = mon[:3] + ('.' if a['lang'] == 'en' and len(mon) > 4 else '')
    return f.format(PLACE=place.upper(), Place=place, place=place, d=d, m=m, mon=mon, mon3=mon3)


# ------------------------------------------------------------------ planning
def parse_force(a):
    out = {}
    f = a['meta'].get('force', '')
    for part in filter(None, (x.strip() for x in f.split(','))):
        v, _, txs = part.partition(':')
        out[int(v)] = [t for t in txs.split('+') if t]
    return out


def choose_tx(a, v, r):
    body = a['parts']['body']
    nb = len(body)
    u = units(' '.join(body), a['lang'])
    brief = (u < 90) if a['lang'] not in CJK + ('th',) else (u < 160)
    forced = parse_force(a).get(v, [])
    can_split = any(len(sentences(p, a['lang'])) >= 2 for p in body)
    opts = [('edits', .55), ('style', .5), ('split', .35 if can_split else 0), ('merge', .3 if nb >= 3 else 0),
            ('dateline', .4 if a['meta'].get('place') or a['lang'] in ('vi', 'th') else 0),
            ('headline', .45 if a['alt'] else 0), ('intro', .5 if a['parts'].get('intro') else 0),
            ('outro', .5 if a['parts'].get('outro') else 0), ('drop', .35 if nb >= 5 and not brief else 0),
            ('cut', .35), ('swap', .25 if nb >= 4 else 0)]
    avail = [t for t, p in opts if p > 0 and t not in forced]
    chosen = [t for t, p in opts if p > 0 and r.random() < p and t not in forced]
    base = [t.split('=')[0] for t in forced]
    ntext = len([t for t in base if t not in ('enc', 'crlf', 'comments')])
    want = max(r.randint(2, 5) - ntext, 2 - ntext)
    r.shuffle(chosen)
    chosen = chosen[:max(0, want)]
    while len(chosen) < want and len(chosen) < len(avail):
        t = r.choice(avail)
        if t not in chosen:
            chosen.append(t)
    return forced + chosen, brief


SITE = {s[0]: dict(id=s[0], lang=s[1], tpl=s[2], name=s[3], domain=s[4]) for s in SITES}
for _s in SITE.values():
    _r = R('site', _s['id'])
    _s['width'] = {'w3m': _r.choice([72, 76, 78, 80]), 'lynx': _r.choice([76, 77, 78]), 'md': 78,
                   'regional': 72, 'magazine': 78, 'print': 80, 'aggregator': 80}.get(_s['tpl'])
    _s['gap'] = _r.random() < 0.5
    _s['bold_lede'] = _r.random() < 0.5
    _s['www'] = _r.random() < 0.6
MODE = {'portal': 'plain', 'w3m': 'w3m', 'lynx': 'lynx', 'md': 'md', 'wire': 'plain', 'tabloid': 'plain',
        'regional': 'w3m', 'mobile': 'plain', 'aggregator': 'w3m', 'paywall': 'plain', 'blog': 'plain',
        'print': 'w3m', 'magazine': 'w3m', 'live': 'plain', 'forum': 'plain'}


def lang_sites(lang, comments):
    out = [s for s in SITE.values() if s['lang'] == lang]
    return [s for s in out if s['tpl'] not in ('blog', 'forum') or lang in comments]


def plan(arts, comments):
    docs = []
    for a in arts:
        lang = a['lang']
        n = int(a['meta'].get('copies', '1'))
        sites = lang_sites(lang, comments)
        r = R('plan', a['id'])
        used = []
        for v in range(n):
            d = {'art': a, 'variant': v, 'key': f'{a["id"]}~{v}', 'tx': [], 'txlog': [], 'enc': 'utf-8',
                 'crlf': False, 'comments': 0, 'cut': None}
            if v == 0:
                txs, brief = [t for t in a['meta'].get('v0', '').split('+') if t], False
            else:
                txs, brief = choose_tx(a, v, R('tx', a['id'], v))
            if v == 0 and a['meta'].get('site'):
                site = SITE[a['meta']['site']]
            elif 'update' in txs:
                site = used[0]
            else:
                pool = [s for s in sites if s not in used] or sites
                if 'comments' in txs:
                    pool = [s for s in pool if s['tpl'] not in ('mobile', 'wire', 'print')] or pool
                site = r.choice(pool)
            used.append(site)
            d['site'] = site
            d['plan_tx'] = txs
            d['brief'] = brief
            docs.append(d)
    return docs


def apply_tx(d):
    a = d['art']
    lang = a['lang']
    r = R('apply', d['key'])
    paras = list(a['parts']['body'])
    title = a['title']
    log = []
    txs = d['plan_tx']
    names = [t.split('=')[0] for t in txs]
    d['update'] = False
    if 'update' in names:
        paras = list(a['parts']['update']) + paras
        d['update'] = True
        log.append({'tx': 'update', 'added_paras': len(a['parts']['update'])})
    if 'intro' in names:
        paras = list(a['parts']['intro']) + paras
        log.append({'tx': 'intro', 'added_units': units(' '.join(a['parts']['intro']), lang)})
    if 'outro' in names:
        paras = paras + list(a['parts']['outro'])
        log.append({'tx': 'outro', 'added_units': units(' '.join(a['parts']['outro']), lang)})
    if 'drop' in names:
        orig = [i for i, p in enumerate(paras) if p in a['parts']['body'] and i > 0 and p != a['parts']['body'][0]]
        k = max(1, round(len(a['parts']['body']) * r.uniform(0.08, 0.2)))
        k = min(k, max(1, int(len(a['parts']['body']) * 0.2)))
        drop = set(r.sample(orig, min(k, len(orig))))
        paras = [p for i, p in enumerate(paras) if i not in drop]
        log.append({'tx': 'drop', 'dropped_paras': sorted(i + 1 for i in drop),
                    'of': len(a['parts']['body'])})
    if 'swap' in names and len(paras) >= 4:
        lo = 1 + len(a['parts'].get('update', [])) * d['update']
        i = r.randrange(lo, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
        log.append({'tx': 'swap', 'at': i + 1})
    if 'split' in names:
        for _ in range(r.choice([1, 1, 2])):
            paras, s = tx_split(paras, lang, r)
            if s:
                log.append({'tx': 'split', 'at': s})
    if 'merge' in names:
        for _ in range(r.choice([1, 1, 2])):
            paras, s = tx_merge(paras, lang, r)
            if s:
                log.append({'tx': 'merge', 'at': s})
    if 'edits' in names:
        rate = r.uniform(0.01, 0.05)
        paras, el = tx_edits(paras, lang, rate, r)
        log.append({'tx': 'edits', 'rate': round(rate, 3), 'edits': el})
    if 'style' in names:
        paras, sl = tx_style(paras, lang, r)
        log.append({'tx': 'style', 'changes': sl})
    if 'dateline' in names:
        dl = dateline(a, r)
        if dl:
            paras[0] = dl + paras[0]
            log.append({'tx': 'dateline', 'text': dl.strip()})
    if 'cut' in names:
        lo = 0.7 if d['brief'] else 0.4
        frac = r.uniform(lo, 0.9)
        paras, got = tx_cut(paras, lang, frac)
        d['cut'] = round(got, 2)
        log.append({'tx': 'cut', 'target': round(frac, 2), 'kept': round(got, 2)})
    if 'headline' in names:
        title = r.choice(a['alt'])
        log.append({'tx': 'headline', 'title': title})
    if 'comments' in names:
        d['comments'] = r.randint(11, 16)
        log.append({'tx': 'comments', 'n': d['comments']})
    for t in txs:
        if t.startswith('enc='):
            d['enc'] = t.split('=', 1)[1]
            log.append({'tx': 'encoding', 'encoding': d['enc']})
        if t == 'crlf':
            d['crlf'] = True
            log.append({'tx': 'crlf'})
    d['title'] = title
    d['paras'] = paras
    d['txlog'] = log


# ------------------------------------------------------------------ rendering
class Page:
    def __init__(self, d, titles, comments):
        self.d = d
        self.s = d['site']
        self.lang = self.s['lang']
        self.L = UI[self.lang]
        self.r = R('page', d['key'])
        self.mode = MODE[self.s['tpl']]
        self.width = self.s['width'] if self.mode != 'plain' else None
        self.out, self.refs = [], []
        self.titles = titles
        self.comment_pool = comments.get(d['art']['id'], []) + comments.get(self.lang, [])
        self.body_chars = 0

    def url(self, path=''):
        return f"https://{'www.' if self.s['www'] else ''}{self.s['domain']}/{path}"

    def a(self, text, path=''):
        if self.mode == 'lynx':
            self.refs.append(self.url(path))
            return f'[{len(self.refs)}]{text}'
        if self.mode == 'md':
            return f'[{text}]({self.url(path)})'
        return text

    def ln(self, t=''):
        self.out.append(t)

    def gap(self):
        if self.out and self.out[-1] != '':
            self.out.append('')

    def block(self, text, indent=None, hang=None, gap=None):
        if indent is None:
            indent = '   ' if self.mode == 'lynx' else ''
        if self.width:
            self.out.extend(wrap(text, self.width, indent, hang))
        else:
            self.out.append(indent + text)
        if gap or (gap is None and (self.mode != 'plain' or self.s['gap'])):
            self.gap()

    def row(self, items, sep='  '):
        self.block(sep.join(items), gap=False)

    def sec(self):
        return self.L['nav'][SECS.index(self.d['art']['meta'].get('sec', 'news'))]

    def date(self, num=False):
        ds = self.d['art']['meta']['date']
        y, m, dd = map(int, ds.split('-'))
        if num:
            if self.lang in CJK:
                return f'{y}-{m:02d}-{dd:02d}'
            if self.lang in ('de', 'ru', 'uk', 'pl', 'tr'):
                return f'{dd:02d}.{m:02d}.{y}'
            if self.lang == 'en':
                return f'{m:02d}/{dd:02d}/{y}'
            if self.lang == 'th':
                return f'{dd:02d}/{m:02d}/{y + 543}'
            return f'{dd:02d}/{m:02d}/{y}'
        return self.L['datefmt'].format(d=dd, m=m, y=y, M=self.L['months'][m - 1], by=y + 543)

    def time(self):
        r = R('time', self.d['art']['id'], self.d['variant'])
        h = r.randint(6, 21) + (2 if self.d.get('update') else 0)
        return f'{h:02d}:{r.randint(0, 59):02d}'

    def author(self):
        return self.d['art']['meta'].get('author') or R('author', self.d['key']).choice(self.L['names'])

    def byline(self):
        by = self.L['by']
        return (by + ('' if by.endswith('：') else ' ') + self.author()).strip()

    def pick_titles(self, k):
        own = self.d['art']['id']
        pool = [t for i, t in self.titles[self.lang] if i != own and t != self.d['title']]
        return self.r.sample(pool, min(k, len(pool)))

    def link_in(self, p):
        """inline link inside a body paragraph (lynx [n] mark / markdown link)"""
        if self.mode not in ('lynx', 'md'):
            return p
        if self.lang in CJK:
            if len(p) < 12:
                return p
            i = self.r.randrange(2, len(p) - 6)
            if self.mode == 'lynx':
                return p[:i] + self.a('', 'tag/' + str(i)) + p[i:]
            return p[:i] + self.a(p[i:i + 4], 'tag/' + str(i)) + p[i + 4:]
        ws = p.split(' ')
        if len(ws) < 6:
            return p
        i = self.r.randrange(1, len(ws) - 3)
        k = self.r.randint(1, 3)
        ws[i:i + k] = [self.a(' '.join(ws[i:i + k]), 'topic/' + str(i))]
        return ' '.join(ws)

    def body(self, ads=0, readalso=0, photo=False, pull=False, links=0, times=False):
        paras = self.d['paras']
        n = len(paras)
        slots = list(range(1, n))
        ins = {}
        for kind, k in (('ad', ads), ('readalso', readalso), ('photo', int(photo)), ('pull', int(pull))):
            for _ in range(k):
                if len(slots) < 2:
                    break
                i = self.r.choice(slots)
                slots.remove(i)
                ins[i] = kind
        linked = set(self.r.sample(range(n), min(links, n)))
        for i, p in enumerate(paras):
            kind = ins.get(i)
            if kind == 'ad':
                self.block(self.L['ad'])
            elif kind == 'readalso':
                self.block(f"{self.L['readalso']}: {self.a(self.pick_titles(1)[0], 'r/' + str(i))}")
            elif kind == 'photo':
                self.block(f"{self.L['photo']}: {R('ph', self.d['key']).choice(self.L['names'])} / {self.s['name']}")
            elif kind == 'pull':
                ss = [s for q in paras for s in sentences(q, self.lang) if 30 <= len(s) <= 160]
                if ss:
                    self.block('“' + self.r.choice(ss).strip('“”"«»„') + '”')
            if times and (i == 0 or (self.d.get('update') and i < len(self.d['art']['parts'].get('update', [])) + 1)):
                h, mi = map(int, self.time().split(':'))
                tm = max(0, h * 60 + mi - i * self.r.randint(9, 35))
                stamp = f'{tm // 60:02d}:{tm % 60:02d}'
                self.block(stamp if i else f"{self.L['updated']} {stamp}")
            self.body_chars += len(p)
            if i in linked:
                p = self.link_in(p)
            if i == 0 and self.mode == 'md' and self.s['bold_lede']:
                p = f'**{p}**'
            self.block(p)
        if self.d['cut'] is not None:
            self.gap()
            self.cut_box()

    def cut_box(self):
        t = self.s['tpl']
        L = self.L
        if t in ('paywall', 'portal', 'magazine'):
            self.block(L['paywall'])
            self.row([self.a(L['subscribe'], 'subscribe'), self.a(L['login'], 'login')], '   ')
        elif t == 'aggregator':
            self.block(self.a(L['cont'].format(site=self.d['origin']), 'go'))
        else:
            self.block(self.a(L['readmore'] + ' »', 'full'))
        self.gap()

    def comments(self, n):
        L = self.L
        pool = self.comment_pool
        if not pool or n <= 0:
            return
        r = R('comments', self.d['key'])
        picks = r.sample(pool, min(n, len(pool)))
        self.gap()
        self.block(L['ncomments'].format(n=n + r.randint(0, 40)))
        for user, text in picks:
            self.block(f"{user} · {L['ago'].format(n=r.randint(1, 23))}", gap=False)
            self.block(text)
            self.block(f"{L['reply']}  ▲ {r.randint(0, 90)}")

    def related(self, k, head=None, bullet='', dates=False):
        self.block(head or self.L['related'])
        for t in self.pick_titles(k):
            suffix = f'  {self.date(num=True)}' if dates else ''
            line = bullet + self.a(t, 'r/' + slug(t, t)) + suffix
            if self.mode == 'lynx':
                self.block(line, indent='     ', gap=False)
            else:
                self.block(line, gap=False)
        self.gap()

    def footer(self, sep='  |  '):
        L = self.L
        self.gap()
        self.row([self.a(L[k], k) for k in ('about', 'contact', 'advertise', 'privacy', 'terms')], sep)
        self.block(f"© {self.d['art']['meta']['date'][:4]} {self.s['name']}. {L['rights']}")

    def finish(self):
        if self.mode == 'lynx' and self.refs:
            self.gap()
            self.ln('References')
            self.ln()
            for i, u in enumerate(self.refs, 1):
                self.ln(f'{i:4d}. {u}')
        while self.out and self.out[-1] == '':
            self.out.pop()
        text = '\n'.join(self.out) + '\n'
        return text


def t_portal(p):
    L, s, d = p.L, p.s, p.d
    p.ln(L['cookie'])
    p.ln(f"{L['accept']}   {L['settings']}")
    p.ln(f"{p.date()}   {L['login']}   {L['subscribe']}")
    p.ln(s['name'])
    for x in L['nav']:
        p.ln(x)
    p.ln(L['search'])
    p.ln(f"{L['nav'][0]} › {p.sec()}")
    p.ln(L['ad'])
    p.gap()
    p.block(d['title'])
    p.ln(p.byline())
    p.ln(f"{L['published']} {p.date()} {p.time()}")
    p.ln(L['share'])
    for x in L['share_to']:
        p.ln(x)
    p.gap()
    p.body(ads=1, readalso=1, photo=True)
    p.ln(f"{L['tags']}: {p.sec()}, {d['art']['meta'].get('place', L['nav'][1])}")
    p.gap()
    p.related(4, dates=True)
    p.ln(L['mostread'])
    for i, t in enumerate(p.pick_titles(5), 1):
        p.ln(f'{i}. {t}')
    p.gap()
    p.comments(d['comments'])
    p.ln(L['newsletter'])
    p.ln(L['signup'])
    for k in ('about', 'contact', 'advertise', 'privacy', 'terms'):
        p.ln(L[k])
    p.ln(f"© {d['art']['meta']['date'][:4]} {s['name']}. {L['rights']}")


def t_w3m(p):
    L, s, d = p.L, p.s, p.d
    p.row([s['name']] + L['nav'] + [L['search'], L['login']], '   ')
    p.gap()
    p.block(p.sec())
    p.block(d['title'])
    p.block(f"{p.byline()} | {p.date()} {p.time()}")
    p.body(ads=p.r.randint(0, 1), readalso=p.r.randint(0, 1))
    p.row([L['share'] + ':'] + L['share_to'], '  ')
    p.gap()
    p.related(3, bullet='  • ')
    p.comments(d['comments'])
    p.row([f"© {d['art']['meta']['date'][:4]} {s['name']}", L['privacy'], L['terms'], L['contact']], ' · ')


def t_lynx(p):
    L, s, d = p.L, p.s, p.d
    p.ln(f"{p.a(s['name'], '')}")
    p.row([p.a(x, 'section/' + str(i)) for i, x in enumerate(L['nav'])], ' ')
    p.block(f"{p.a(L['login'], 'login')} {p.a(L['subscribe'], 'subscribe')} {p.a(L['search'], 'search')}")
    p.block(d['title'], indent='')
    p.block(f"{L['by']}{'' if L['by'].endswith('：') else ' '}{p.a(p.author(), 'author')}".strip(), gap=False)
    p.block(f"{p.date()} {p.time()}")
    p.body(ads=p.r.randint(0, 1), links=p.r.randint(1, 3))
    p.block(p.L['related'], indent='')
    for t in p.pick_titles(4):
        p.block('* ' + p.a(t, 'r/' + slug(t, t)), indent='     ', hang='       ', gap=False)
    p.gap()
    p.comments(d['comments'])
    p.row([p.a(L[k], k) for k in ('about', 'contact', 'privacy', 'terms')], ' ')
    p.block(f"© {d['art']['meta']['date'][:4]} {s['name']}")


def t_md(p):
    L, s, d = p.L, p.s, p.d
    p.ln(f"[![{s['name']}]({p.url('static/logo.svg')})]({p.url()})")
    p.gap()
    for i, x in enumerate(L['nav']):
        p.ln(f"  * {p.a(x, 'section/' + str(i))}")
    p.gap()
    p.block('# ' + d['title'])
    p.block(f"{L['by']} **{p.author()}** | {p.date()}".strip())
    p.block(f"![{L['photo']}]({p.url('img/' + hashlib.md5(d['key'].encode()).hexdigest()[:10] + '.jpg')})")
    p.body(links=p.r.randint(1, 2), ads=p.r.randint(0, 1))
    p.ln('* * *')
    p.gap()
    p.block('## ' + L['related'])
    for t in p.pick_titles(3):
        p.block('  * ' + p.a(t, 'r/' + slug(t, t)), hang='    ', gap=False)
    p.gap()
    p.comments(d['comments'])
    p.block(f"© {d['art']['meta']['date'][:4]} {s['name']} | {p.a(L['privacy'], 'privacy')} | {p.a(L['terms'], 'terms')}")


def t_wire(p):
    L, s, d = p.L, p.s, p.d
    p.ln(f"{up(s['name'], p.lang)}  |  {'  |  '.join(L['nav'][1:6])}")
    p.gap()
    p.ln(d['title'])
    p.ln(f"{p.date()} {p.time()} UTC")
    p.gap()
    p.body()
    r = R('credit', d['key'])
    p.block(L['credit'].format(a=r.choice(L['names']), b=r.choice(L['names'])))
    p.comments(d['comments'])
    p.block(f"© {d['art']['meta']['date'][:4]} {s['name']}. {L['rights']}")


def t_tabloid(p):
    L, s, d = p.L, p.s, p.d
    p.ln(' | '.join(up(x, p.lang) for x in L['nav']))
    p.ln(f"{up(L['breaking'], p.lang)}: {p.pick_titles(1)[0]}")
    p.ln(d['title'])
    p.ln(f"{p.author()}  {p.date(num=True)}  {L['ncomments'].format(n=p.r.randint(3, 400))}")
    p.ln('   '.join(f'{x} {p.r.randint(2, 99)}' for x in L['share_to']))
    n = len(d['paras'])
    p.body(ads=max(1, n // 3), readalso=1 if n > 3 else 0)
    p.ln(up(L['mostread'], p.lang))
    for i, t in enumerate(p.pick_titles(5), 1):
        p.ln(f'{i} {t}')
    p.comments(d['comments'])
    p.ln(f"{s['name']} © {d['art']['meta']['date'][:4]}  {L['privacy']}  {L['terms']}  {L['contact']}")


def t_regional(p):
    L, s, d = p.L, p.s, p.d
    place = d['art']['meta'].get('place', s['name'])
    lo, hi = [(-5, 6), (-4, 8), (0, 13), (4, 17), (8, 22), (12, 27), (15, 32), (15, 31), (10, 25), (5, 18), (0, 11),
              (-4, 7)][int(d['art']['meta']['date'][5:7]) - 1]
    p.row([s['name'], f"{place} {p.r.randint(lo, hi)}°C"], ' — ')
    p.row([L['nav'][0], p.sec(), place], ' › ')
    p.row(L['nav'][1:], '  ')
    p.gap()
    p.block(d['title'])
    p.block(f"{p.author()} · {p.date()}")
    p.body(ads=1 if len(d['paras']) > 3 else 0)
    p.block(L['topstories'])
    for t in p.pick_titles(4):
        p.block('  • ' + t, hang='    ', gap=False)
    p.gap()
    p.comments(d['comments'])
    p.footer(' · ')


def t_mobile(p):
    L, s, d = p.L, p.s, p.d
    p.ln(f"≡ {L['menu']}")
    p.ln(s['name'])
    p.ln(L['search'])
    p.ln(L['login'])
    p.ln(L['app'])
    p.ln('App Store · Google Play')
    p.ln(L['cookie'])
    p.ln(L['accept'])
    p.ln(p.sec())
    p.ln(d['title'])
    u = units(' '.join(d['paras']), p.lang)
    p.ln(L['minread'].format(n=max(1, u // (400 if p.lang in CJK else 220))))
    p.ln(p.date(num=True) + ' ' + p.time())
    p.body(ads=1 if len(d['paras']) > 2 else 0)
    p.ln(L['backtop'])
    p.ln(L['topstories'])
    for t in p.pick_titles(5):
        p.ln(t)
        p.ln(L['ago'].format(n=p.r.randint(1, 12)))
    p.comments(d['comments'])
    p.ln(f"{L['follow']}: Facebook · X · Instagram · YouTube · TikTok")
    for x in L['nav']:
        p.ln(x)
    for k in ('about', 'contact', 'advertise', 'privacy', 'terms', 'settings'):
        p.ln(L[k])
    p.ln(f"© {d['art']['meta']['date'][:4]} {s['name']}. {L['rights']}")


def t_aggregator(p):
    L, s, d = p.L, p.s, p.d
    p.row([s['name']] + L['nav'][1:7], ' | ')
    p.gap()
    p.block(d['title'])
    src = L['source'] if L['source'].endswith('：') else L['source'] + ': '
    p.block(f"{src}{d['origin']} · {p.date()} · {p.time()}")
    p.body()
    if d['cut'] is None:
        p.block(p.a(L['cont'].format(site=d['origin']), 'go'))
    p.block(f"{L['related']}:")
    for t in p.pick_titles(4):
        p.block('  - ' + t, hang='    ', gap=False)
    p.gap()
    p.comments(d['comments'])
    p.row([f"{s['name']} © {d['art']['meta']['date'][:4]}", L['about'], L['privacy'], L['terms']], ' · ')


def t_paywall(p):
    L, s, d = p.L, p.s, p.d
    p.ln(s['name'])
    p.ln(' · '.join(L['nav'][:7]))
    p.ln(f"{L['login']} | {L['subscribe']}")
    p.gap()
    p.ln(f"{p.sec()} | {up(L['subscribe'], p.lang) if d['cut'] is not None else p.date()}")
    p.ln(d['title'])
    p.ln(f"{p.byline()}, {p.date()}")
    p.gap()
    p.body(ads=1 if len(d['paras']) >= 4 else 0)
    p.related(3)
    p.comments(d['comments'])
    p.ln(f"{L['newsletter']} {L['signup']}")
    p.footer()


def t_blog(p):
    L, s, d = p.L, p.s, p.d
    p.ln(s['name'])
    p.ln(' / '.join(L['nav'][:5]))
    p.gap()
    p.ln(d['title'])
    p.ln(f"{L['posted']} {p.author()} · {p.date()}")
    p.gap()
    p.body()
    p.ln(f"{L['tags']}: {p.sec()}")
    p.ln(f"{L['share']}: {' '.join(L['share_to'])}")
    p.gap()
    p.comments(d['comments'] or R('c', d['key']).randint(2, 4))
    p.ln(f"© {d['art']['meta']['date'][:4]} {s['name']}")


def t_print(p):
    L, s, d = p.L, p.s, p.d
    p.ln(f"{L['printed']} {p.url(slug(d['title'], d['key']))}")
    p.ln(f"{s['name']} — {p.date()}")
    p.gap()
    p.block(d['title'])
    p.block(p.byline())
    p.body()
    p.comments(d['comments'])
    p.ln(f"© {d['art']['meta']['date'][:4]} {s['name']}. {L['rights']}")


def t_magazine(p):
    L, s, d = p.L, p.s, p.d
    p.row([up(s['name'], p.lang), L['subscribe'], L['login']], '   ')
    p.row(L['nav'], '  ')
    p.gap()
    p.block(up(p.sec(), p.lang))
    p.block(d['title'])
    u = units(' '.join(d['paras']), p.lang)
    p.block(f"{p.byline()} · {L['minread'].format(n=max(1, u // (400 if p.lang in CJK else 220)))} · {p.date()}")
    n = len(d['paras'])
    p.body(photo=True, pull=n >= 5, ads=1 if n >= 6 else 0)
    p.related(3, head=L['topstories'], bullet='  • ')
    p.block(f"{L['newsletter']} [{L['signup']}]")
    p.comments(d['comments'])
    p.footer(' · ')


def t_live(p):
    L, s, d = p.L, p.s, p.d
    p.ln(f"{s['name']}  {L['nav'][0]}  {L['nav'][1]}  {L['nav'][2]}  {L['nav'][5]}")
    p.gap()
    p.ln(f"● {L['live']}")
    p.ln(d['title'])
    p.ln(f"{L['share']}: {' · '.join(L['share_to'])}")
    p.gap()
    p.body(times=True)
    p.related(3)
    p.comments(d['comments'])
    p.ln(f"© {d['art']['meta']['date'][:4]} {s['name']}")


def t_forum(p):
    L, s, d = p.L, p.s, p.d
    r = R('forum', d['key'])
    p.ln(f"{s['name']} › {L['nav'][0]} › {p.sec()}")
    p.ln(f"{L['login']} | {L['search']}")
    p.gap()
    p.ln(d['title'])
    user = r.choice(['newsreader42', 'k_lindholm', 'old_timer', 'nightowl_77', 'greenbench', 'm.ortega'])
    p.ln(f"{L['posted']}: {user} » {p.date(num=True)} {p.time()}")
    p.gap()
    p.body()
    src = L['source']
    p.ln(f"{src}{'' if src.endswith('：') else ' '}{p.url(slug(d['title'], d['key']))}")
    p.gap()
    p.comments(d['comments'] or r.randint(3, 5))
    p.ln(f"{s['name']} © {d['art']['meta']['date'][:4]}")


TEMPLATES = {'portal': t_portal, 'w3m': t_w3m, 'lynx': t_lynx, 'md': t_md, 'wire': t_wire, 'tabloid': t_tabloid,
             'regional': t_regional, 'mobile': t_mobile, 'aggregator': t_aggregator, 'paywall': t_paywall,
             'blog': t_blog, 'print': t_print, 'magazine': t_magazine, 'live': t_live, 'forum': t_forum}


def render(d, titles, comments):
    p = Page(d, titles, comments)
    if d['site']['tpl'] == 'aggregator':
        others = [s['name'] for s in SITE.values() if s['lang'] == d['site']['lang'] and s['id'] != d['site']['id']]
        d['origin'] = R('origin', d['key']).choice(others)
    TEMPLATES[d['site']['tpl']](p)
    text = p.finish()
    return text, p.body_chars


# ------------------------------------------------------------------ encodings
ENC_FALLBACK = {'›': '>', '»': '>>', '·': '-', '©': '(c)', '—': '-', '▲': '^', '●': '*', '•': '*', '≡': '=',
                '°': ' ', '–': '-', '…': '...', '’': "'", '“': '"', '”': '"', '‘': "'", '„': '"'}


def encode(text, enc, lang):
    out, fb = [], set()
    for ch in text:
        try:
            out.append(ch.encode(enc))
        except UnicodeEncodeError:
            rep = {'shift_jis': {'·': '・', '—': '―', '»': '≫', '›': '＞', '©': '(c)'},
                   'gbk': {'›': '＞', '©': '(c)', '●': '●'}}.get(enc, {}).get(ch, ENC_FALLBACK.get(ch))
            if rep is None:
                raise SystemExit(f'cannot encode {ch!r} in {enc}')
            out.append(rep.encode(enc))
            fb.add(ch)
    return b''.join(out), sorted(fb)


# ------------------------------------------------------------------ main build
def build():
    arts, comments = load()
    titles = {}
    for a in arts:
        titles.setdefault(a['lang'], []).append((a['id'], a['title']))
    docs = plan(arts, comments)
    for d in docs:
        apply_tx(d)
        d['text'], d['body_chars'] = render(d, titles, comments)
        if SEP in d['text'].split('\n'):
            raise SystemExit('separator inside a document')
    # group into files
    r = R('files')
    order = list(range(len(docs)))
    r.shuffle(order)
    eligible = [i for i in order if docs[i]['enc'] == 'utf-8' and not docs[i]['crlf']]
    multi_sizes = [r.choice([2, 2, 2, 3, 3, 4]) for _ in range(MULTI_FILES)]
    groups, taken = [], set()
    pos = 0
    for k in multi_sizes:
        g = eligible[pos:pos + k]
        pos += k
        groups.append(g)
        taken.update(g)
    units_ = [[i] for i in order if i not in taken] + groups
    r.shuffle(units_)
    out = HERE / 'docs'
    if out.exists():
        for f in out.iterdir():
            f.unlink()
    out.mkdir(exist_ok=True)
    labels, metas = [], []
    for fi, g in enumerate(units_, 1):
        fname = f'p{fi:04d}.txt'
        if len(g) == 1:
            d = docs[g[0]]
            d['id'] = fname
            text = d['text']
            if d['crlf']:
                text = text.replace('\n', '\r\n')
            data, fb = encode(text, d['enc'], d['art']['lang'])
            d['enc_fallbacks'] = fb
            (out / fname).write_bytes(data)
        else:
            parts = []
            for n, i in enumerate(g, 1):
                docs[i]['id'] = f'{fname}#{n}'
                docs[i]['enc_fallbacks'] = []
                parts.append(docs[i]['text'])
            (out / fname).write_bytes((SEP + '\n').join(parts).encode('utf-8'))
        for n, i in enumerate(g, 1):
            docs[i]['file_docs'] = len(g)
    docs_sorted = sorted(docs, key=lambda d: (d['id'].split('#')[0], int(d['id'].split('#')[1]) if '#' in d['id'] else 0))
    for d in docs_sorted:
        a = d['art']
        multi = int(a['meta'].get('copies', '1')) > 1
        cl = ('c-' if multi else 's-') + a['id']
        labels.append({'id': d['id'], 'cluster': cl})
        hn = a['meta'].get('hn')
        hnd = None
        if hn:
            kind, _, grp = hn.partition(':')
            hnd = {'kind': kind, 'group': grp}
            if a['meta'].get('rel'):
                hnd['related_article'] = a['meta']['rel']
        pagelen = len(d['text'])
        v0 = next(x for x in docs if x['art'] is a and x['variant'] == 0)
        derived = []
        if d['variant'] > 0:
            if d['site']['id'] != v0['site']['id']:
                derived.append('other_site_template')
            w0 = v0['site']['width'] if MODE[v0['site']['tpl']] != 'plain' else None
            w1 = d['site']['width'] if MODE[d['site']['tpl']] != 'plain' else None
            if w0 != w1:
                derived.append('rewrap')
        metas.append({
            'id': d['id'], 'cluster': cl, 'source': a['id'], 'lang': a['lang'], 'variant': d['variant'],
            'cluster_size': int(a['meta'].get('copies', '1')),
            'site': d['site']['id'], 'template': d['site']['tpl'], 'render': MODE[d['site']['tpl']],
            'wrap': d['site']['width'] if MODE[d['site']['tpl']] != 'plain' else None,
            'encoding': d['enc'], 'newline': 'crlf' if d['crlf'] else 'lf', 'file_docs': d['file_docs'],
            'title': d['title'], 'date': a['meta']['date'],
            'source_units': units(' '.join(a['parts']['body']), a['lang']), 'unit': unit_name(a['lang']),
            'body_units': units(' '.join(d['paras']), a['lang']),
            'body_share_of_page': round(d['body_chars'] / max(1, pagelen), 3),
            'transforms': derived + [x['tx'] for x in d['txlog']], 'transform_log': d['txlog'],
            'hard_negative': hnd,
            **({'encoding_fallbacks': d['enc_fallbacks']} if d.get('enc_fallbacks') else {}),
        })
    with open(HERE / 'labels.jsonl', 'w', encoding='utf-8') as f:
        for l in labels:
            f.write(json.dumps(l, ensure_ascii=False) + '\n')
    with open(HERE / 'meta.jsonl', 'w', encoding='utf-8') as f:
        for m in metas:
            f.write(json.dumps(m, ensure_ascii=False) + '\n')
    return docs, arts


if __name__ == '__main__':
    docs, arts = build()
    print(f'{len(docs)} documents from {len(arts)} articles -> {HERE / "docs"}')
    if '--check' in sys.argv:
        import check
        check.main(docs, arts)
