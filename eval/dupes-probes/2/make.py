#!/usr/bin/env python3
"""dupes-probes/2 generator. `python3 make.py` rebuilds docs/, labels.jsonl, meta.jsonl
deterministically (seed 20261207). `python3 make.py --check` also validates and prints baselines."""
import json, os, random, re, shutil, subprocess, sys, unicodedata
sys.dont_write_bytecode = True
from lex import LEX, UI

SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))
SEP = 'q7x2'
LANGS = ['en', 'ko', 'bn', 'sw', 'el', 'he', 'it', 'nl', 'fa', 'ms', 'cs']
R = random.Random(SEED)

# ------------------------------------------------------------------ numbers
NUM_RE = re.compile(r'⟦([NP]):(\d+)⟧')

def fmt_num(n, sep):
    s = str(n)
    if n < 1000 or not sep:
        return s
    out = ''
    while len(s) > 3:
        out = sep + s[-3:] + out
        s = s[:-3]
    return s + out

def render_nums(text, lang, alt=False):
    L = LEX[lang]
    def rep(m):
        k, v = m.group(1), int(m.group(2))
        if k == 'N':
            return fmt_num(v, L['thou_alt'] if alt else L['thou'])
        return (L['pct_alt'] if alt else L['pct']).format(p=v)
    return NUM_RE.sub(rep, text)

# ------------------------------------------------------------------ text composition
def sentence(rng, lang, focus=None):
    L = LEX[lang]
    f = focus or {}
    S = f.get('S') or rng.choice(L['S']); V = rng.choice(L['V'])
    P = rng.choice(L['P']); T = rng.choice(L['T'])
    if rng.random() < 0.35:
        O = rng.choice(L['N'])
        O = O.replace('{n}', '⟦N:%d⟧' % rng.choice([rng.randint(12, 950), rng.randint(1000, 90000)])).replace('{p}', '⟦P:%d⟧' % rng.randint(3, 85))
    else:
        O = f.get('O') or rng.choice(L['O'])
    shape = rng.random()
    if L['order'] == 'svo':
        if lang == 'nl' and ' ' in V:  # separable verb: "keurde ... goed"
            v1, v2 = V.split(' ', 1)
            core = '%s %s %s %s' % (S, v1, O, v2)
        elif lang == 'he':
            core = '%s %s%s' % (S, V, O) if V.endswith('ב') else ('%s %s את %s' % (S, V, O) if O.startswith('ה') and not V.endswith('על') else '%s %s %s' % (S, V, O))
        else:
            core = '%s %s %s' % (S, V, O)
        if shape < 0.4:
            s = '%s, %s %s' % (T, core[0].lower() + core[1:], P)
        elif shape < 0.75:
            s = '%s %s' % (core, P)
        else:
            s = '%s %s, %s' % (core, P, T[0].lower() + T[1:])
        return s + '.'
    # sov
    end = '।' if lang == 'bn' else '.'
    if shape < 0.5:
        return '%s %s %s %s %s%s' % (T, S, P, O, V, end)
    return '%s %s %s %s %s%s' % (S, T, P, O, V, end)

def article(rng, lang, words, focus=None):
    paras, n = [], 0
    while n < words:
        k = rng.randint(2, 4) if words > 120 else rng.randint(1, 3)
        p = ' '.join(sentence(rng, lang, focus if rng.random() < 0.3 else None) for _ in range(k))
        paras.append(p); n += len(p.split())
    L = LEX[lang]
    title = sentence(rng, lang, focus).rstrip('.।')
    return {'lang': lang, 'title': title, 'paras': paras}

def nwords(paras):
    return sum(len(NUM_RE.sub('0', p).split()) for p in paras)

# ------------------------------------------------------------------ page templates
SITES = {}
for lang in LANGS:
    rs = random.Random('%s-%s' % (SEED, lang))
    SITES[lang] = ['%s %s' % (rs.choice(['Daily', 'Morning', 'Coast', 'Valley', 'Metro', 'North', 'City', 'Star', 'Harbour', 'Evening']), rs.choice(['Post', 'Herald', 'Courier', 'Journal', 'Times', 'Observer', 'Ledger', 'Gazette', 'Bulletin']))
                   for _ in range(6)]

def date(rng):
    return '2026-%02d-%02d' % (rng.randint(1, 11), rng.randint(1, 28))

def page(rng, lang, tpl, site, title, body_paras, d, related):
    u = UI[lang]
    out = []
    if tpl == 'portal':
        out += [site, ' | '.join([u[0], u[1], 'Sport', 'Culture', 'Opinion']), u[3], '', title, '', '%s %s' % (u[4], d), '']
        out += [p + '\n' for p in body_paras]
        out += [u[2] + ': Facebook · X · WhatsApp · Email', '', u[5] + ':'] + ['  ' + r for r in related] + ['', '© 2026 ' + site]
    elif tpl == 'plain':
        out += ['%s | %s' % (title, site), '=' * 40, d, '']
        out += [p + '\n' for p in body_paras]
        out += ['[%s]' % u[6]] + ['- ' + r for r in related[:2]] + ['', site]
    elif tpl == 'print':
        out += ['%s — print edition' % site, 'https://%s/article/%d' % (site.lower().replace(' ', ''), rng.randint(10000, 99999)), '', title.upper() if lang in ('en', 'it', 'nl', 'cs', 'sw', 'ms') else title, d, '']
        out += [p + '\n' for p in body_paras]
        out += ['-- ' + site + ' --']
    elif tpl == 'amp':
        out += ['☰  %s' % site, '⚡ AMP', '< ' + u[0], '', title, d + ' · 3 min', '']
        for i, p in enumerate(body_paras):
            out.append(p + '\n')
            if i == 1:
                out += ['ADVERTISEMENT', '']
        out += ['▲ Back to top', u[2], '%s · Privacy · Terms' % site, 'View non-AMP version']
    return '\n'.join(out).rstrip('\n') + '\n'

# ------------------------------------------------------------------ transforms
def wrap_ocr(text, width, rng):
    lines, cur = [], ''
    for w in text.split():
        if len(cur) + 1 + len(w) > width:
            room = width - len(cur) - 2
            if len(w) >= 7 and room >= 3 and w.isalpha():
                cut = min(room, len(w) - 3)
                lines.append((cur + ' ' + w[:cut] + '-').strip()); cur = w[cut:]
            else:
                lines.append(cur); cur = w
        else:
            cur = (cur + ' ' + w).strip()
    lines.append(cur)
    return '\n'.join(lines)

OCR_SUB = {'l': '1', 'o': '0', 'e': 'c', 'i': 'l', 'm': 'rn', 'a': 'u', 'n': 'u', 'h': 'b', 'c': 'e', 'u': 'ii', 't': 'f', 'r': 'n', 's': '5', 'O': '0', 'I': 'l', 'B': '8'}

def ocr_text(text, rng, rate):
    out, n = [], 0
    for ch in text:
        if ch in OCR_SUB and rng.random() < rate:
            out.append(OCR_SUB[ch]); n += 1
        else:
            out.append(ch)
    return ''.join(out), n

GREEKLISH = dict(zip('αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΆΈΉΊΌΎΏ',
    ['a','v','g','d','e','z','i','th','i','k','l','m','n','x','o','p','r','s','s','t','y','f','ch','ps','o','a','e','i','i','o','y','o','i','y',
     'A','V','G','D','E','Z','I','Th','I','K','L','M','N','X','O','P','R','S','T','Y','F','Ch','Ps','O','A','E','I','I','O','Y','O']))

def greeklish(t):
    return ''.join(GREEKLISH.get(c, c) for c in t).replace(';', '?').replace('·', ';')

def arabic_letters(t):  # Persian typed with Arabic yeh/kaf, ZWNJ -> space
    return t.replace('ی', 'ي').replace('ک', 'ك').replace('\u200c', ' ')

WIRES = ['Meridian Wire', 'Panoptic Press Agency', 'Continental News Service']

def wire_footer(w):
    return '© 2026 %s. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.' % w

# ------------------------------------------------------------------ build
docs = []  # dicts: text, lang, cluster, meta

def add(text, lang, cluster, meta):
    docs.append({'text': text, 'lang': lang, 'cluster': cluster, 'meta': meta})

def related_titles(rng, lang):
    return [sentence(rng, lang).rstrip('.।')[:70] for _ in range(3)]

def render(rng, art, tpl, site, d, paras=None, title=None, num_alt=False):
    ps = [render_nums(p, art['lang'], num_alt) for p in (paras if paras is not None else art['paras'])]
    return page(rng, art['lang'], tpl, site, render_nums(title or art['title'], art['lang'], num_alt), ps, d, related_titles(rng, art['lang']))

TEMPLATES = ['portal', 'plain', 'print']

def make_copy(rng, art, tr, src_site, d, cid, src_id, v):
    lang = art['lang']; paras = list(art['paras']); log = {}
    tpl = rng.choice(TEMPLATES); site = rng.choice([s for s in SITES[lang] if s != src_site])
    label = cid
    if tr == 'syndicated':
        w = rng.choice(WIRES)
        paras = ['(%s) ' % w + paras[0]] + paras[1:] + [UI[lang][7], wire_footer(w)]
        log = {'wire': w}
        text = render(rng, art, tpl, site, d, paras)
    elif tr == 'reorder2':
        idx = list(range(len(paras)))
        a = rng.randint(0, len(paras) // 2 - 1); b = rng.randint(len(paras) // 2, len(paras) - 2)
        idx[a], idx[a + 1] = idx[a + 1], idx[a]; idx[b], idx[b + 1] = idx[b + 1], idx[b]
        paras = [paras[i] for i in idx]; log = {'order': idx}
        text = render(rng, art, tpl, site, d, paras)
    elif tr == 'numbers':
        text = render(rng, art, tpl, site, d, num_alt=True)
        log = {'n_numbers': sum(len(NUM_RE.findall(p)) for p in art['paras'])}
    elif tr == 'script':
        text = render(rng, art, tpl, site, d)
        text = greeklish(text) if lang == 'el' else arabic_letters(text)
        log = {'script': 'greeklish (Latin transliteration)' if lang == 'el' else 'Arabic yeh/kaf (ي ك), ZWNJ->space'}
    elif tr == 'ocr':
        tpl = 'print'
        raw = render(rng, art, 'print', site, d)
        body = '\n\n'.join(wrap_ocr(render_nums(p, lang), 58, rng) for p in art['paras'])
        rate = rng.uniform(0.018, 0.027)  # applied to confusable letters only -> ~1-2% of all chars
        body2, nerr = ocr_text(body, rng, rate)
        head = raw.split('\n\n', 2)
        text = '%s\n\n%s\n\n%s\n\n— %s, p. %d —\n' % (site.upper(), render_nums(art['title'], lang), body2, d, rng.randint(2, 14))
        log = {'ocr_char_errors': nerr, 'chars': len(body), 'err_rate': round(nerr / len(body), 4), 'wrap': 58}
    elif tr == 'amp':
        tpl = 'amp'; text = render(rng, art, 'amp', site, d)
    elif tr == 'cut':
        keep = rng.uniform(0.5, 0.7)
        target = nwords(paras) * keep; kept = []
        for p in paras:
            if nwords(kept) >= target:
                break
            if nwords(kept + [p]) <= target:
                kept.append(p); continue
            ss = re.split(r'(?<=[.।]) ', p); part = []
            for x in ss:
                if nwords(kept + [' '.join(part + [x])]) > target and (part or kept):
                    break
                part.append(x)
            kept.append(' '.join(part))
            break
        paras = kept; log = {'kept_fraction': round(nwords(kept) / nwords(art['paras']), 2)}
        text = render(rng, art, tpl, site, d, paras + [UI[lang][6] + ' …'])
    elif tr == 'commentary':
        COMM[0] += 1
        r = rng.uniform(0.5, 0.62) if COMM[0] % 2 else rng.uniform(0.75, 1.0)
        aw = nwords(art['paras'])
        pre, post = [], []
        sents = []
        while True:
            s = sentence(rng, lang)
            if nwords(sents + [s]) > min(r, 1.0) * aw and nwords(sents) >= 0.5 * aw:
                break
            sents.append(s)
        half = len(sents) // 2
        chunk = lambda ss: [' '.join(ss[i:i + 3]) for i in range(0, len(ss), 3)]
        pre, post = chunk(sents[:half]), chunk(sents[half:])
        share = aw / (aw + nwords(pre) + nwords(post))
        paras = pre + ['> ' + p for p in art['paras']] + post
        title = UI[lang][8] + ': ' + art['title']
        text = render(rng, art, tpl, site, d, paras, title=title)
        log = {'added_ratio': round((nwords(pre) + nwords(post)) / aw, 3), 'article_share': round(share, 3)}
        if share < 0.6:
            label = 's-commentary-%s-%d' % (src_id, v)
    return text, {'template': tpl, 'site': site, 'transforms': ['other_site_template', tr], 'log': log}, label

COMM = [0]
COPY_TRS = ['syndicated', 'reorder2', 'commentary', 'numbers', 'ocr', 'amp', 'cut']
LATIN = {'en', 'it', 'nl', 'cs', 'sw', 'ms'}

def main_build():
    rng = R
    # ---- clusters: 22 sources, two per language (both long and briefs)
    cl_specs = []
    for lang in LANGS:
        cl_specs.append((lang, rng.randint(200, 1500)))
        cl_specs.append((lang, rng.choice([rng.randint(45, 90), rng.randint(200, 600)])))
    corrections = []
    SIZES = [1] * 10 + [2] * 7 + [3] * 4 + [4] * 1
    rng.shuffle(SIZES)
    DECK = COPY_TRS * 7
    rng.shuffle(DECK)
    for ci, (lang, w) in enumerate(cl_specs):
        art = article(rng, lang, w)
        cid = 'c-%s-%02d' % (lang, ci)
        site = rng.choice(SITES[lang]); d = date(rng); tpl = rng.choice(TEMPLATES)
        add(render(rng, art, tpl, site, d), lang, cid, {'source': cid, 'variant': 0, 'template': tpl, 'site': site, 'transforms': [], 'words': nwords(art['paras'])})
        pool = [t for t in COPY_TRS if (t != 'ocr' or lang in LATIN) and (t != 'reorder2' or len(art['paras']) >= 4)
                and (t != 'numbers' or any(render_nums(p, lang) != render_nums(p, lang, True) for p in art['paras']))]
        if lang in ('fa', 'el') and ci % 2 == 0:
            pool = ['script'] + pool
        ncopies = SIZES[ci]
        trs = ['script'] if pool[0] == 'script' else []
        for t in list(DECK):
            if len(trs) >= ncopies:
                break
            if t in pool and t not in trs:
                trs.append(t); DECK.remove(t)
        for v, tr in enumerate(trs, 1):
            text, m, label = make_copy(rng, art, tr, site, d, cid, cid, v)
            m.update({'source': cid, 'variant': v, 'words': nwords(art['paras'])})
            add(text, lang, label, m)
        if lang in ('en', 'it', 'nl', 'cs') and len(corrections) < 4 and ci % 2 == 0:
            corrections.append((art, cid, site, d))
    # ---- hard negatives
    # correction notices
    CORR = {'en': 'Correction: an earlier version of the article "{t}" gave a wrong figure in its {k} paragraph. The text has been amended. We apologise for the error.',
            'it': 'Rettifica: una versione precedente dell\'articolo «{t}» riportava un dato errato nel paragrafo {k}. Il testo è stato corretto. Ci scusiamo per l\'errore.',
            'nl': 'Correctie: in een eerdere versie van het artikel "{t}" stond een onjuist cijfer in alinea {k}. De tekst is aangepast. Onze excuses voor de fout.',
            'cs': 'Oprava: v dřívější verzi článku „{t}“ byl v odstavci {k} chybný údaj. Text jsme opravili. Za chybu se omlouváme.'}
    for art, cid, site, d in corrections:
        lang = art['lang']
        t = render_nums(art['title'], art['lang'])
        body = [CORR[lang].format(t=t, k=2 if lang != 'en' else 'second'), render_nums(art['paras'][0], art['lang'])]
        add(page(rng, art['lang'], 'plain', site, 'Correction' if lang == 'en' else t[:40], body, d, related_titles(rng, art['lang'])), art['lang'], 's-corr-' + cid,
            {'source': 'corr-' + cid, 'hard_negative': {'kind': 'correction', 'related': cid}, 'template': 'plain', 'site': site})
    # columns of one author
    COL = {'en': ('Every Saturday, Margit Oyelaran looks at how the city really works, one street at a time.', 'Until next week — write to me at the usual address. Margit Oyelaran'),
           'it': ('Ogni domenica Ottavio Ferlinghi racconta la città vista dal tram numero nove.', 'Alla prossima settimana, e buon viaggio. Ottavio Ferlinghi'),
           'nl': ('Elke woensdag kijkt Femke van Ruijven met een frisse blik naar haar eigen stad.', 'Tot volgende week, en blijf me schrijven. Femke van Ruijven')}
    for lang, (intro, sign) in COL.items():
        site = rng.choice(SITES[lang])
        for k in range(3 if lang != 'en' else 4):
            art = article(rng, lang, rng.randint(180, 320))
            add(page(rng, lang, 'portal', site, art['title'], [intro] + [render_nums(p, lang) for p in art['paras']] + [sign], date(rng), related_titles(rng, lang)), lang,
                's-col-%s-%d' % (lang, k), {'source': 'col-%s-%d' % (lang, k), 'hard_negative': {'kind': 'column_series', 'group': 'col-' + lang}, 'template': 'portal', 'site': site})
    # sports results from one template
    SPORT = {'en': ('{a} {x}-{y} {b}', '{a} beat {b} {x}-{y} at {st} on Saturday in front of {n} spectators. The goals came from {g1} in the {m1}th minute and {g2} after {m2} minutes. {a} now sit {pos} in the table, while {b} remain {pos2}. The next round is played on Wednesday.'),
             'nl': ('{a} - {b} {x}-{y}', '{a} heeft zaterdag in {st} met {x}-{y} gewonnen van {b}, voor {n} toeschouwers. De doelpunten werden gemaakt door {g1} in de {m1}e minuut en {g2} na {m2} minuten. {a} staat nu {pos}e, {b} blijft {pos2}e. De volgende speelronde is woensdag.'),
             'sw': ('{a} {x}-{y} {b}', '{a} imeifunga {b} mabao {x}-{y} katika uwanja wa {st} Jumamosi mbele ya mashabiki {n}. Mabao yalifungwa na {g1} dakika ya {m1} na {g2} dakika ya {m2}. {a} sasa iko nafasi ya {pos}, huku {b} ikibaki nafasi ya {pos2}. Mzunguko ujao utachezwa Jumatano.')}
    TEAMS = ['Riverside United', 'Kestrel Town', 'Ashby Rovers', 'Port Lane FC', 'Millfield Athletic', 'Harrow Vale', 'Brockley City', 'Sandgate Wanderers']
    PLAYERS = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Haddad', 'Novak', 'Silva', 'Brennan', 'Kowalski', 'Mensah']
    for lang, (tt, tb) in SPORT.items():
        site = rng.choice(SITES[lang])
        for k in range(4 if lang == 'en' else 3):
            a, b = rng.sample(TEAMS, 2); x = rng.randint(1, 4); y = rng.randint(0, x - 1)
            f = dict(a=a, b=b, x=x, y=y, st=rng.choice(['Mill Road', 'the Arena', 'Harbour Park', 'Station Lane']), n=fmt_num(rng.randint(1200, 24000), LEX[lang]['thou']),
                     g1=rng.choice(PLAYERS), g2=rng.choice(PLAYERS), m1=rng.randint(3, 44), m2=rng.randint(46, 90), pos=rng.randint(1, 9), pos2=rng.randint(10, 18))
            add(page(rng, lang, 'portal', site, tt.format(**f), [tb.format(**f)], date(rng), related_titles(rng, lang)), lang, 's-sport-%s-%d' % (lang, k),
                {'source': 'sport-%s-%d' % (lang, k), 'hard_negative': {'kind': 'sports_template', 'group': 'sport-' + lang, 'debatable': True}, 'template': 'portal', 'site': site})
    # two outlets, one event
    for lang in ['en', 'it', 'ko', 'he', 'ms']:
        L = LEX[lang]; focus = {'S': rng.choice(L['S']), 'O': rng.choice(L['O'])}
        d = date(rng)
        for k, site in enumerate(rng.sample(SITES[lang], 2)):
            art = article(rng, lang, rng.randint(150, 400), focus)
            tpl = rng.choice(TEMPLATES)
            add(render(rng, art, tpl, site, d), lang, 's-event-%s-%d' % (lang, k),
                {'source': 'event-%s-%d' % (lang, k), 'hard_negative': {'kind': 'same_event_two_outlets', 'group': 'event-' + lang, 'shared': focus}, 'template': tpl, 'site': site})
    # listicles sharing a format
    LIST = {'en': ('{k} things to know before the weekend', 'Our weekly list: what changed, what is coming and what you may have missed.', 'Got a tip for next week\'s list? Tell us.'),
            'ms': ('{k} perkara yang perlu anda tahu minggu ini', 'Senarai mingguan kami: apa yang berubah, apa yang akan datang dan apa yang mungkin anda terlepas.', 'Ada cadangan untuk senarai minggu depan? Beritahu kami.'),
            'cs': ('{k} věcí, které byste měli vědět před víkendem', 'Náš týdenní přehled: co se změnilo, co nás čeká a co jste možná přehlédli.', 'Máte tip do příštího přehledu? Napište nám.')}
    for lang, (tt, intro, outro) in LIST.items():
        site = rng.choice(SITES[lang])
        for k in range(3):
            n = rng.randint(5, 8)
            items = ['%d. %s' % (i + 1, render_nums(sentence(rng, lang), lang)) for i in range(n)]
            add(page(rng, lang, 'portal', site, tt.format(k=n), [intro] + items + [outro], date(rng), related_titles(rng, lang)), lang, 's-list-%s-%d' % (lang, k),
                {'source': 'list-%s-%d' % (lang, k), 'hard_negative': {'kind': 'listicle_format', 'group': 'list-' + lang}, 'template': 'portal', 'site': site})
    # plain singletons: fill to ~200
    k = 0
    while len(docs) < 200:
        lang = LANGS[k % len(LANGS)]
        w = rng.choice([rng.randint(40, 90), rng.randint(40, 90), rng.randint(200, 700), rng.randint(700, 1500)])
        art = article(rng, lang, w); site = rng.choice(SITES[lang]); tpl = rng.choice(TEMPLATES + ['amp'])
        add(render(rng, art, tpl, site, date(rng)), lang, 's-single-%03d' % k, {'source': 'single-%03d' % k, 'template': tpl, 'site': site, 'words': nwords(art['paras'])})
        k += 1

def write():
    main_build()
    rng = random.Random(SEED + 1)
    order = list(range(len(docs))); rng.shuffle(order)
    # ~10 multi-document files of 2-3 docs
    files, i, nmulti = [], 0, 0
    while i < len(order):
        if nmulti < 10 and rng.random() < 0.12:
            g = rng.choice([2, 3]); files.append(order[i:i + g]); i += g; nmulti += 1
        else:
            files.append(order[i:i + 1]); i += 1
    out = os.path.join(HERE, 'docs')
    shutil.rmtree(out, ignore_errors=True); os.makedirs(out)
    labels, metas = [], []
    for fi, grp in enumerate(files):
        name = 'n%04d.txt' % (fi + 1)
        parts = []
        for j, di in enumerate(grp):
            dd = docs[di]
            did = name if len(grp) == 1 else '%s#%d' % (name, j + 1)
            parts.append(dd['text'].rstrip('\n'))
            labels.append({'id': did, 'cluster': dd['cluster']})
            metas.append(dict({'id': did, 'lang': dd['lang'], 'cluster': dd['cluster']}, **dd['meta']))
        with open(os.path.join(out, name), 'w', encoding='utf-8', newline='\n') as f:
            f.write(('\n%s\n' % SEP).join(parts) + '\n')
    with open(os.path.join(HERE, 'labels.jsonl'), 'w', encoding='utf-8') as f:
        for l in labels: f.write(json.dumps(l, ensure_ascii=False) + '\n')
    with open(os.path.join(HERE, 'meta.jsonl'), 'w', encoding='utf-8') as f:
        for m in metas: f.write(json.dumps(m, ensure_ascii=False, sort_keys=True) + '\n')
    return labels, metas

if __name__ == '__main__':
    labels, metas = write()
    print('docs', len(labels))
    if '--check' in sys.argv:
        subprocess.run([sys.executable, os.path.join(HERE, 'check.py')], check=True)
