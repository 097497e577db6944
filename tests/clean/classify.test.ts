import { describe, expect, it } from 'vitest';
import { splitBlocks } from '../../src/clean/blocks.js';
import { computeFeatures } from '../../src/clean/features.js';
import { DEFAULT_THRESHOLDS, initialClass, promoteProseRuns } from '../../src/clean/classify.js';

const features = (text: string, lang = 'sv') => computeFeatures(splitBlocks(text)[0], lang);
/** Each line's initial class and its prose-run class, with nothing transparent. */
function runClasses(lines: string[], lang = 'sv'): string[] {
  const f = lines.map((l) => features(l, lang));
  const initial = f.map((x) => initialClass(x, DEFAULT_THRESHOLDS));
  return promoteProseRuns(initial, f, lines.map(() => false), DEFAULT_THRESHOLDS);
}

const SENTENCES = [
  'Det var vaktmästaren som först fick syn på älgen.',
  'Den stod alldeles stilla bredvid gungorna och åt.',
  'Rektorn bestämde att eleverna skulle stanna inne.',
  'Polisen kom till platsen strax efter nio på morgonen.',
];

describe('speech turns', () => {
  it('a dash opening a sentence is a quotation, not a menu bullet', () => {
    const turn = features('– Jag trodde inte mina ögon, den var större än en häst, säger han till tidningen.');
    expect(turn.speechTurn).toBe(true);
    expect(initialClass(turn, DEFAULT_THRESHOLDS)).toBe('neargood');
    // A dash item with no stop is still a list or menu item.
    expect(features('– Sport och fritid i hela länet').speechTurn).toBe(false);
    expect(initialClass(features('– Sport och fritid i hela länet'), DEFAULT_THRESHOLDS)).toBe('bad');
    expect(features('• Det var vaktmästaren som såg den.').speechTurn).toBe(false);
    // Spanish, Catalan and Portuguese print no space after the dash.
    expect(features('—Pensé que era una roca, hasta que se movió delante del barco.', 'es').speechTurn).toBe(true);
  });
});

describe('promoteProseRuns', () => {
  it('makes four short sentences in a row good, with a subheading among them', () => {
    expect(runClasses([SENTENCES[0], SENTENCES[1], 'Föräldrarna fick vänta', SENTENCES[2], SENTENCES[3]])).toEqual(['good', 'good', 'short', 'good', 'good']);
  });

  it('leaves three sentences as they were', () => {
    expect(runClasses(SENTENCES.slice(0, 3))).toEqual(['short', 'short', 'short']);
  });

  it('leaves a list of headlines with one-sentence summaries alone', () => {
    const teasers = SENTENCES.flatMap((s, i) => [`Rubrik nummer ${i + 1} om vädret`, s]);
    expect(runClasses(teasers).filter((c) => c === 'good')).toEqual([]);
  });

  it('counts no question or exclamation as a sentence (teaser headlines end so), but a speech turn', () => {
    const teasers = ['Vad händer med elpriset i vinter?', SENTENCES[0], 'Är det här Sveriges bästa pizza?', SENTENCES[1], 'Så blir vädret i helgen!', SENTENCES[2], SENTENCES[3]];
    expect(runClasses(teasers).filter((c) => c === 'good')).toEqual([]);
    const turns = [SENTENCES[0], '– Varför stod den bara där?', SENTENCES[1], SENTENCES[2]];
    expect(runClasses(turns)).toEqual(['good', 'good', 'good', 'good']);
  });

  it("counts a line under a label (a reader's comment, a speaker's turn) as a heading, not a sentence", () => {
    const comments = ['Jim B: Det var på tiden att kommunen gjorde något.', 'Annie: Det här kommer att döda hela centrum.', 'Rob T: Mina barn cyklar där varje dag och det är farligt.', 'Meg: Var ska budbilarna stanna nu?', 'Carl: Bra nyheter för alla som går till stan.'];
    const f = comments.map((l) => features(l));
    const initial = f.map((x) => initialClass(x, DEFAULT_THRESHOLDS));
    expect(promoteProseRuns(initial, f, comments.map(() => false), DEFAULT_THRESHOLDS, () => true)).toEqual(initial);
  });

  it('is ended by a bad block, and looks past a transparent one', () => {
    const lines = [SENTENCES[0], SENTENCES[1], 'Nyheter   Sport   Nöje   Ekonomi   Resor   Mat   Motor   Bostad   Kultur   Debatt', SENTENCES[2], SENTENCES[3]];
    const f = lines.map((l) => features(l));
    const initial = f.map((x) => initialClass(x, DEFAULT_THRESHOLDS));
    expect(initial[2]).toBe('bad');
    expect(promoteProseRuns(initial, f, [false, false, false, false, false], DEFAULT_THRESHOLDS)).toEqual(initial);
    const ad = initial.map((c, i) => (i === 2 ? 'short' : c));
    expect(promoteProseRuns(ad, f, [false, false, true, false, false], DEFAULT_THRESHOLDS)).toEqual(['good', 'good', 'short', 'good', 'good']);
  });

  it('does not count a sentence too sparse in stopwords, a teaser cut with an ellipsis or a two-word line', () => {
    const lines = ['Volvo XC90 B5 AWD Plus Dark 2025.', 'Läs hela artikeln om älgen på skolgården...', 'Mycket bra.', SENTENCES[0], SENTENCES[1], SENTENCES[2]];
    expect(runClasses(lines).filter((c) => c === 'good')).toEqual([]);
  });
});
