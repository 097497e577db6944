/**
 * Short multilingual phrase lists (en, fr, es, de, pt, it + a few Arabic; related links and captions in a dozen
 * more languages) for navigation, sharing,
 * related links and source footers. Used as ONE signal among several, never alone on long blocks.
 */
import { utf16Units } from '../text/units.js';
import { countLetterUnits } from './letters.js';
import { classAt, isAsciiLetter, LETTER, PAIR } from '../text/char-classes.js';

/** Prefixes of inline related-article links ("Lire aussi : …"). */
const RELATED_PREFIXES = [
  'read also', 'read more', 'also read', 'see also', 'related', 'related article', 'related story', 'more:',
  'lire aussi', 'à lire aussi', 'a lire aussi', 'lire également', 'voir aussi', 'à voir aussi', 'sur le même sujet',
  'leer también', 'lee también', 'leer más', 'ver también', 'te puede interesar', 'relacionado', 'relacionada',
  'lesen sie auch', 'mehr lesen', 'mehr zum thema', 'siehe auch', 'auch interessant',
  'leia também', 'leia mais', 'veja também', 'leggi anche', 'vedi anche',
  'اقرأ أيضا', 'اقرأ أيضاً', 'إقرأ أيضا', 'اقرأ المزيد',
  'lees ook', 'zie ook', 'czytaj także', 'czytaj też', 'zobacz także', 'zobacz też', 'читайте также', 'читать также',
  'смотрите также', 'по теме', 'читайте також', 'ayrıca okuyun', 'ilgili haber', 'ilgili haberler', 'baca juga', 'lihat juga',
  'διαβάστε επίσης', 'δείτε επίσης', 'xem thêm', 'đọc thêm', 'यह भी पढ़ें', 'ये भी पढ़ें', 'קראו גם', 'עוד בנושא',
  '相关阅读', '延伸阅读', '相关新闻', '関連記事', '관련기사', '관련 기사',
  'les også', 'læs også', 'läs även', 'läs också', 'lue myös', 'lue lisää', 'olvassa el', 'kapcsolódó', 'čtěte také',
  'citește și', 'citeste si', 'читайте ще', 'بیشتر بخوانید', 'আরও পড়ুন', 'อ่านข่าวที่เกี่ยวข้อง', 'อ่านเพิ่มเติม', 'もっと読む',
  'pročitajte još', 'pročitajte i', 'procitajte jos', 'прочитајте још', 'pročitajte također', 'prečítajte si aj', 'prečítajte si tiež',
  'llegiu també', 'llegeix també', 'vegeu també', 'இதையும் படிக்க', 'இதையும் படியுங்கள்', 'یہ بھی پڑھیں', 'مزید پڑھیں',
];
/** Prefixes that also open ordinary sentences ("Soma pia - wataalamu wanashauri …", "Loe ka - see on oluline …"), and
 *  those of some thirty more languages (Filipino, Hausa, Albanian, Lithuanian, Luxembourgish, Icelandic, Irish, Welsh,
 *  Basque, Galician, Slovenian, Macedonian, Bulgarian, Belarusian, Latvian, Georgian, Armenian, Azerbaijani, Kazakh,
 *  Uzbek, Mongolian, Amharic, Somali, Nepali, Marathi, Gujarati, Punjabi, Telugu, Kannada, Malayalam, Sinhala, Khmer,
 *  Pashto, Sorani): a related link only before a colon or an arrow. */
const RELATED_PREFIXES_COLON = [
  'soma pia', 'soma zaidi', 'loe ka', 'loe lisaks', 'basahin din', 'basahin rin', 'karanta kuma', 'lexo edhe', 'skaitykite taip pat', 'taip pat skaitykite',
  'liest och', 'lestu einnig', 'léigh freisin', 'darllenwch hefyd', 'irakurri ere', 'le tamén', 'preberite tudi', 'прочитајте и',
  'прочетете още', 'прочетете също', 'чытайце таксама', 'lasiet arī', 'lasi arī', 'ასევე წაიკითხეთ', 'կարդացեք նաև', 'həmçinin oxuyun',
  'сондай-ақ оқыңыз', 'shuningdek oʻqing', "shuningdek o'qing", 'мөн уншаарай', 'ተጨማሪ ያንብቡ', 'akhri sidoo kale', 'यो पनि पढ्नुहोस्',
  'हेही वाचा', 'આ પણ વાંચો', 'ਇਹ ਵੀ ਪੜ੍ਹੋ', 'ఇది కూడా చదవండి', 'ಇದನ್ನೂ ಓದಿ', 'ഇതും വായിക്കുക', 'මෙයද කියවන්න', 'អានបន្ថែម',
  'دا هم ولولئ', 'ئەمەش بخوێنەوە',
];
/** Matches a line that starts with a related-link prefix followed by a separator and a headline. */
export const RELATED_LINK_RE = new RegExp(
  // (a markdown dump sets the prefix in bold: "**LÆS OGSÅ:** …")
  `^\\s*[*_]*(?:(?:${RELATED_PREFIXES.map(nfc).map(escapeRe).join('|')})\\s*(?:[:：\\-–—>»|]|\\.{3}|\\.(?=\\s)|…)|(?:${RELATED_PREFIXES_COLON.map(nfc).map(escapeRe).join('|')})\\s*[:：>»])[*_]*\\s*\\S`,
  'iu',
);

/** A "Read also: …" link (RELATED_LINK_RE), read in NFC as the prefixes are written: a Hindi page may store its nukta
 *  letters precomposed ("पढ़ें" with U+095D), which NFC decomposes, as it does Latin text stored decomposed. */
export const isRelatedLink = (text: string): boolean => RELATED_LINK_RE.test(text.normalize('NFC'));

/** Words of a "read the original at its source" footer, per language: a footer needs a verb and "source". */
export const SOURCE_FOOTER_RE = new RegExp(
  [
    '\\b(?:read|continue|view|see)\\b.*\\b(?:source|original|full (?:story|article))\\b',
    '\\blire\\b.*\\b(?:source|original)\\b',
    '\\bleer\\b.*\\b(?:fuente|original)\\b',
    '\\blesen\\b.*\\b(?:quelle|original)\\b',
    '\\bler\\b.*\\b(?:fonte|original)\\b',
    '\\bleggi\\b.*\\b(?:fonte|originale)\\b',
    '^\\s*(?:source|sources|fuente|quelle|fonte)\\s*:',
    // German puts the verb last ("… den Artikel in seiner Quelle zu lesen"); or the article was taken from elsewhere.
    '\\bquelle\\b.*\\blesen\\b',
    '\\b(?:adapted|republished|reprinted)\\b.*\\bfrom\\b.*\\b(?:source|original)\\b',
    'المصدر',
  ].join('|'),
  'iu',
);

/** A word every SOURCE_FOOTER_RE match holds (same flags, so the same case folding): most blocks hold none and skip the
 *  footer expression, whose `.*` alternatives made it 2% of cleaning. */
const SOURCE_FOOTER_WORD_RE = /source|original|full (?:story|article)|fuente|quelle|fonte|المصدر/iu;

/** SOURCE_FOOTER_RE.test(text), answered early for text without any of its words. */
export function isSourceFooter(text: string): boolean {
  return SOURCE_FOOTER_WORD_RE.test(text) && SOURCE_FOOTER_RE.test(text);
}

/** Services a share bar offers: brands, named alike in every language or transliterated ("फेसबुक", "واتساپ"), and
 *  e-mail ("Mail", "E-post", "Correo", "Courriel", "Sähköposti", "E-posta"). The bar's label ("Share:", "Поделиться:", "分享到：") and its "copy link" are the site's language. */
/** Share services as Chinese and Japanese bars print them (X's button is "Xでポスト", post on X). */
const CJK_SERVICE_NAMES = ['豆瓣', '邮件', 'はてなブックマーク', 'はてブ', 'フェイスブック', 'ツイッター', 'メール', 'xポスト', 'xでポスト'];
const SHARE_SERVICE_RE = new RegExp(String.raw`^(?:facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|tumblr|flipboard|xing|threads|bluesky|mastodon|messenger|viber|line|kakao(?:talk|story)?|zalo|wechat|weibo|douban|hatena|naver|vk|vkontakte|вконтакте|одноклассники|ok|微信|微博|qq|qq空间|(?:e-?)?mail|courriel|correo|e-?post|sähköposti|e-?posta|sms|фейсбук|телеграм|פייסבוק|וואטסאפ|טוויטר|فيسبوك|فیسبوک|واتساب|واتساپ|تويتر|توییتر|تلگرام|تيليجرام|ایکس|फेसबुक|व्हाट्सऐप|व्हाट्सएप|ट्विटर|ফেসবুক|হোয়াটসঅ্যাপ|টুইটার|এক্স|${CJK_SERVICE_NAMES.join('|')})$`, 'iu');
/** A service's name somewhere in the text (as a word or not): the checks below split the text, and most lines name
 *  none (cleaning asks this of every short line). Holds every SHARE_SERVICE_RE name or a part of it. */
const SHARE_HINT_RE = new RegExp(String.raw`facebook|twitter|(?:^|[\s:：|•·])x(?:$|[\s|•·])|whatsapp|telegram|linkedin|pinterest|reddit|tumblr|flipboard|xing|threads|bluesky|mastodon|messenger|viber|line|kakao|zalo|wechat|weibo|douban|hatena|naver|vk|вконтакте|одноклассники|(?:^|\s)ok(?:$|\s)|微|qq|mail|sms|фейсбук|телеграм|פייסבוק|וואטסאפ|טוויטר|فيسبوك|فیسبوک|واتساب|واتساپ|تويتر|توییتر|تلگرام|تيليجرام|ایکس|फेसबुक|व्हाट्स|ट्विटर|ফেসবুক|হোয়াটসঅ্যাপ|টুইটার|এক্স|${CJK_SERVICE_NAMES.join('|')}`, 'iu');
/** Pieces of a laid-out bar: between runs of spaces, bars or bullets. */
const SHARE_PIECE_SEPARATOR_RE = /\s{2,}|\u00a0{2,}|\s[|•·]\s/u;
/** Words of a share line, its label's colon cut off. */
const SHARE_TOKEN_SEPARATOR_RE = /[\s|•·,:：]+/u;
/** A share line's words, its label's colon and separators cut off; a run of Chinese or Japanese holding services'
 *  names is read as those names and the words between them (see cjkShareWords). */
const shareTokens = (text: string): string[] => text.split(SHARE_TOKEN_SEPARATOR_RE).flatMap((t) => (t && CJK_RE.test(t) ? cjkShareWords(t) : t ? [t] : []));

/** The services' names as a CJK bar runs them together (a dump drops the spaces between such words, as w3m does
 *  between two CJK characters: "微信微博", "Xポストはてなブックマーク"), longest first ("QQ空间" before "QQ"). */
const CJK_SHARE_NAME_RE = new RegExp(
  [...CJK_SERVICE_NAMES, '微信', '微博', 'qq空间', 'qq', 'facebook', 'line'].sort((a, b) => b.length - a.length).concat('x(?![a-z])').join('|'),
  'iuy',
);
/** A Han or kana character. */
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The services' names in a run of CJK text, each a word, and the text between them, each stretch a word:
 *  "ブックマークメール印刷" → ブックマーク, メール, 印刷. */
function cjkShareWords(token: string): string[] {
  const words: string[] = [];
  let rest = '';
  for (let i = 0; i < token.length; ) {
    CJK_SHARE_NAME_RE.lastIndex = i;
    const m = CJK_SHARE_NAME_RE.exec(token);
    if (m === null) {
      rest += token[i++];
      continue;
    }
    if (rest) words.push(rest);
    rest = '';
    words.push(m[0]);
    i += m[0].length;
  }
  if (rest) words.push(rest);
  return words;
}
/** A share line holds the services, a label and "copy link": a longer line is a sentence naming them. */
const SHARE_LINE_MAX_WORDS = 16;

/**
 * A line of share buttons: laid out as a bar, half its pieces or more each name a service ("Partager sur Facebook   Partager
 * sur X   Envoyer par e-mail   Copier le lien"), two at least; or run together, three services or more with a label
 * and a "copy link" at most ("Share: Facebook Twitter Email"). A headline naming platforms in a sentence is neither.
 */
export function isShareLine(text: string): boolean {
  if (!SHARE_HINT_RE.test(text)) return false;
  const tokens = shareTokens(text);
  if (tokens.length > SHARE_LINE_MAX_WORDS) return false;
  const names = (piece: string): number => shareTokens(piece).filter((t) => SHARE_SERVICE_RE.test(t)).length;
  const pieces = text.split(SHARE_PIECE_SEPARATOR_RE).filter((p) => p.trim());
  if (pieces.length >= 3) {
    const withService = pieces.filter((p) => names(p) > 0).length;
    return withService >= 2 && 2 * withService >= pieces.length;
  }
  // Run together, the services are all there is but a label ("Share on") and a "copy link": a headline naming
  // platforms has its verb and commas ("WhatsApp, Telegram and Viber down", "微信、微博和QQ…").
  if (/[,，、]/u.test(text)) return false;
  const count = names(text);
  // A CJK headline runs names together as a bar does ("微信QQ微博同时崩了", "LINEやXで偽メール拡散"): a run read out into
  // names is a bar's with its label ("分享到", "シェア") or four names at least.
  if (CJK_RE.test(text) && count < CJK_BAR_MIN_NAMES && !CJK_SHARE_LABEL_RE.test(text)) return false;
  return count >= 3 && tokens.length - count <= SHARE_LABEL_MAX_WORDS + 1;
}
/** Names of a CJK bar without its label. */
const CJK_BAR_MIN_NAMES = 4;
/** "Share" as Chinese and Japanese bars label it. */
const CJK_SHARE_LABEL_RE = /分享|シェア/u;

/**
 * One share button of its own line ("Share via email", "Compartir en X"): a label and the service it ends with. Alone
 * it is no proof ("Musk buys Twitter", "Malcolm X"); a run of two such lines or more is (see isShareRun in index.ts).
 */
export function isShareButton(text: string): boolean {
  if (text.includes(',') || !SHARE_HINT_RE.test(text)) return false;
  const tokens = shareTokens(text);
  return tokens.length >= 2 && tokens.length <= SHARE_LABEL_MAX_WORDS + 1 && SHARE_SERVICE_RE.test(tokens[tokens.length - 1]);
}
/** A share button that is the service's name alone ("Facebook", "E-mail"): like a labelled one, proof only in a run. */
export function isShareServiceName(text: string): boolean {
  return SHARE_SERVICE_RE.test(text.trim());
}

/** Words of a share button's label ("Share", "Share via", "Partager sur"). */
const SHARE_LABEL_MAX_WORDS = 2;

/** A tag list's label, then its tags ("Tags: NHS, A&E", "Теги: пожар, МЧС", "Címkék: forint, MNB"). */
const TAGS_LABEL_RE = /^\s*(?:tags?|topics?|keywords|themen|schlagwörter|schlagworte|stichwörter|mots-clés|thèmes|etiquetas|temas|tópicos|tagi|tagit|taggar|avainsanat|emneord|stikkord|nøkkelord|címkék|témata|štítky|etichete|etiketler|témy|emner|märksõnad|teemad|etiquetes|temes|tagovi|oznake|теги|теґи|мітки|ετικέτες|תגיות|الوسوم|برچسب‌ها|ট্যাগ|टैग|标签|タグ|태그|แท็ก)\s*[:：]\s*\S/iu;
/** A line of hashtags only ("#반도체 #수출 #무역"). */
const HASHTAGS_RE = /^(?:#[\p{L}\p{N}_.-]+\s*){2,}$/u;

/** The article's tag list: links to topic pages, not its text. */
export function isTagList(text: string): boolean {
  if (HASHTAGS_RE.test(text)) return true;
  // Tags are a list, not a sentence ("Temas: la economía dominó el debate." is one).
  return TAGS_LABEL_RE.test(text) && !/[.!?]\s*$/u.test(text) && (text.includes(',') || text.split(/\s+/).length <= TAGS_MAX_ITEMS_UNSEPARATED);
}
/** Words of a tag list without commas ("Tags: NHS"): more are a sentence after a label. */
const TAGS_MAX_ITEMS_UNSEPARATED = 4;

/** The word an ad slot leaves in the text as a line of its own ("Advertisement", "Anzeige", "広告", "AD"), in some sixty
 *  languages: a site's label recurs on its every page, and unless it is known for a label it is taken for the run's
 *  template, which ends the article rather than being looked past. */
const AD_LABELS = [
  'advertisement', 'advertising', 'ad', 'ads', 'sponsored', 'anzeige', 'werbung', 'gesponsert', 'publicidad', 'publicité', 'pubblicità',
  'publicidade', 'publicitat', 'iragarkia', 'reklame', 'reklama', 'reklam', 'reklamë', 'reklamm', 'mainos', 'annons', 'annonse', 'annonce',
  'auglýsing', 'hirdetés', 'advertentie', 'advertensie', 'inzerce', 'inzercia', 'ogłoszenie', 'oglas', 'оглас', 'publicitate', 'reklaam',
  'reklāma', 'fógra', 'hysbyseb', 'реклама', 'рэклама', 'жарнама', 'сурталчилгаа', 'რეკლამა', 'գովազդ', 'διαφήμιση', 'פרסומת', 'إعلان',
  'تبلیغات', 'آگهی', 'اشتہار', 'tangazo', 'matangazo', 'talla', 'ìpolówó', 'xayeysiis', 'ማስታወቂያ', 'iklan', 'patalastas', 'quảng cáo',
  'โฆษณา', 'ໂຄສະນາ', 'ကြော်ငြာ', '广告', '廣告', '広告', '광고', 'विज्ञापन', 'जाहिरात', 'বিজ্ঞাপন', 'જાહેરાત', 'ਇਸ਼ਤਿਹਾਰ', 'விளம்பரம்',
  'ప్రకటన', 'ಜಾಹೀರಾತು', 'പരസ്യം', 'දැන්වීම',
];
const AD_LABEL_RE = new RegExp(`^[^\\p{L}\\p{N}]*(?:${AD_LABELS.map(nfc).join('|')})[^\\p{L}\\p{N}\\p{M}]*$`, 'iu');
/** Longest line an ad label is. */
const AD_LABEL_MAX_CHARS = 30;

/** A line that only marks an ad slot: the article goes on around it. Read in NFC, as the labels are written. */
export function isAdLabel(text: string): boolean {
  return text.length <= AD_LABEL_MAX_CHARS && AD_LABEL_RE.test(text.normalize('NFC'));
}

/** What a writer is, in an author's note under the article ("Ann Lee is a senior reporter at …", "Marie Dupont est
 *  journaliste au service Politique"): a note's role comes within a few words of the name and its verb. */
const WRITER_ROLES = [
  'reporter', 'editor', 'writer', 'correspondent', 'columnist', 'journalist', 'contributor', 'freelancer', 'producer', 'critic',
  'journaliste', 'rédacteur', 'rédactrice', 'correspondant', 'correspondante', 'chroniqueur', 'chroniqueuse', 'pigiste',
  'redakteur', 'redakteurin', 'korrespondent', 'korrespondentin', 'journalistin', 'autorin', 'reporterin', 'kolumnist', 'kolumnistin',
  'periodista', 'redactor', 'redactora', 'corresponsal', 'columnista', 'reportero', 'reportera', 'giornalista', 'redattore',
  'redattrice', 'corrispondente', 'editorialista', 'cronista', 'jornalista', 'repórter', 'redator', 'redatora', 'correspondente',
  'colunista', 'verslaggever', 'redacteur', 'redactrice', 'journalisten', 'reportrar', 'toimittaja', 'dziennikarz', 'dziennikarka',
];
/** The verb joining a note's name to the role: "is", "est", "ist", "es", "è", "é", "är", "jest", "was" … */
const NOTE_VERBS = ['is', 'was', 'has been', 'est', 'ist', 'war', 'es', 'era', 'è', 'é', 'foi', 'är', 'er', 'jest'];
/** A full name (two to four capitalised words, a particle between) and a verb opening the note (case-sensitive: the
 *  name's capitals are the sign). */
const NOTE_OPENING_RE = new RegExp(`^\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:(?:de|da|van|von|der|del|di|le|la)\\s+){0,2}\\p{Lu}[\\p{L}'’.-]*){1,3}\\s+(?:${NOTE_VERBS.join('|')})\\s`, 'u');
/** The role within six words of the verb, in any case ("Redakteurin", "senior reporter"). */
const NOTE_ROLE_RE = new RegExp(`^(?:[^\\s.!?]+\\s+){0,6}?(?:${WRITER_ROLES.join('|')})(?![\\p{L}])`, 'iu');
/** Words of an author's note at most: a note is a sentence or three. */
const AUTHOR_NOTE_MAX_WORDS = 80;

/** The name opening an author's note, a paragraph naming the writer and what they do, which sites set under the
 *  article; null when the paragraph is none. */
export function authorNoteName(text: string, words: number): string | null {
  if (words > AUTHOR_NOTE_MAX_WORDS) return null;
  const opening = NOTE_OPENING_RE.exec(text);
  if (opening === null || !NOTE_ROLE_RE.test(text.slice(opening[0].length))) return null;
  return opening[0].replace(NOTE_VERB_END_RE, '');
}
/** The verb closing a note's opening, and the space after it. */
const NOTE_VERB_END_RE = new RegExp(`\\s+(?:${NOTE_VERBS.join('|')})\\s$`, 'u');

/** Quotation marks a quoted paragraph may open with (straight, curly, low, angle). */
const QUOTE_MARKS = `"'“”„«»‘’‹›`;

/** How a paywall cuts an article short, in the languages most sites with one write: what is left to read, that the rest
 *  is for subscribers, an invitation to subscribe to read on. Anchored at the line's start: an article about
 *  subscriptions quotes such words inside its sentences. Not "Already a subscriber?": a promotion's box inside an
 *  article open to all says it too. */
const PAYWALL_OPENINGS = [
  // English
  '\\d{1,2}(?:[.,]\\d+)?\\s?% of (?:this|the) (?:article|story) (?:remains|is left)', 'subscribe (?:now )?to (?:continue|keep) reading',
  'to (?:continue|keep) reading,? (?:please )?(?:subscribe|sign in|log in|register)', 'this (?:article|story|content) is (?:only )?(?:available|exclusive|reserved) (?:to|for) (?:subscribers|members)',
  'the rest of this (?:article|story) is (?:only )?(?:available )?(?:to|for) (?:subscribers|members)',
  "you(?:'ve|’ve| have) (?:reached|used) (?:your|all (?:of )?your) (?:free|monthly)",
  // French
  'il vous reste \\d{1,2}(?:[.,]\\d+)?\\s?% de cet article', 'la suite est réservée aux abonnés', 'cet article est réservé aux abonnés', 'pour lire la suite',
  // German
  'jetzt weiterlesen mit', 'dieser (?:artikel|beitrag) ist (?:nur )?für abonnenten', 'um (?:den|diesen) (?:artikel|beitrag) (?:weiter|vollständig) zu lesen',
  // Spanish, Italian, Portuguese
  'este contenido es exclusivo para (?:suscriptores|socios)', 'para (?:seguir|continuar) leyendo', 'suscríbete para (?:seguir|continuar) leyendo',
  'per continuare a leggere', 'contenuto riservato agli abbonati', 'para continuar lendo', 'conteúdo exclusivo para assinantes',
  // Dutch, Polish
  'dit artikel is (?:exclusief |alleen )?voor abonnees', 'lees verder met', 'pozostało(?: jeszcze)? \\d{1,2}\\s?% artykułu', 'ten artykuł jest dostępny dla subskrybentów',
];
// (no quotation mark before it: an article quoting a wall's words opens a paragraph with them)
const PAYWALL_RE = new RegExp(`^[^\\p{L}\\p{N}${QUOTE_MARKS}]*(?:${PAYWALL_OPENINGS.join('|')})`, 'iu');
/** Words of a paywall's notice at most. */
const PAYWALL_MAX_WORDS = 40;

/** A paywall's notice: the article stops there. */
export function isPaywallNotice(text: string, words: number): boolean {
  return words <= PAYWALL_MAX_WORDS && PAYWALL_RE.test(text);
}

/** The fine print under a sign-up form: by doing what the form asks, the reader agrees to the site's terms ("By signing
 *  up you agree to our Terms of Use …", "En vous inscrivant, vous acceptez …", "Mit Ihrer Anmeldung akzeptieren Sie …"). */
const SIGNUP_CONSENT_RE = new RegExp(
  [
    "^by (?:signing up|subscribing|clicking|registering|submitting|entering|providing|continuing|creating)\\b[^.]{0,120}?\\byou(?:'re|’re)? (?:agree|accept|acknowledge|consent|agreeing|accepting)",
    '^en (?:vous inscrivant|vous abonnant|cliquant|validant|soumettant)\\b[^.]{0,120}?\\bvous (?:acceptez|reconnaissez|consentez)',
    '^mit (?:der|ihrer|deiner) (?:anmeldung|registrierung|bestellung)\\b[^.]{0,120}?\\b(?:stimmen sie|stimmst du|akzeptieren sie|akzeptierst du)',
    '^al (?:suscribirte|suscribirse|registrarte|registrarse|hacer clic|pulsar)\\b[^.]{0,120}?\\b(?:aceptas|acepta|aceptás)',
    '^(?:iscrivendoti|registrandoti|cliccando)\\b[^.]{0,120}?\\baccetti',
    '^ao (?:se inscrever|se cadastrar|assinar|clicar)\\b[^.]{0,120}?\\b(?:você concorda|concorda|aceita)',
  ].join('|'),
  'iu',
);
/** The site's terms the fine print names (a story paraphrasing an app's terms names none of them as such). */
const SITE_TERMS_RE = /terms|privacy|conditions|confidentialité|datenschutz|nutzungsbedingungen|agb\b|términos|privacidad|condizioni|informativa|termos|privacidade/iu;
/** A sentence reporting what someone said or a document says: a story's, not a site's own fine print. */
const REPORTED_SPEECH_RE = /\b(?:said|says|according to|told)\b/iu;
/** Words of a sign-up's fine print at most. */
const SIGNUP_CONSENT_MAX_WORDS = 60;

/** A sign-up form's fine print (see SIGNUP_CONSENT_RE). */
export function isSignupConsent(text: string, words: number): boolean {
  return words <= SIGNUP_CONSENT_MAX_WORDS && SIGNUP_CONSENT_RE.test(text.trim()) && SITE_TERMS_RE.test(text) && !REPORTED_SPEECH_RE.test(text);
}

/** A currency as a shop's price shows it: a sign ("$", "£", "€", "US$") or a code ("EUR", "CHF", "kr", "zł"). */
const CURRENCY = String.raw`(?:(?:US|CA|C|AU|A|NZ|HK|MX|R|S)?\$|[£€¥₹₩₽₺₴₪₫฿₱]|(?:USD|EUR|GBP|CHF|CAD|AUD|JPY|INR|SEK|NOK|DKK|PLN|CZK|kr|zł|Kč|Rs)\.?)`;
/** A figure as prices are written ("25", "1,299.99", "29,99", "1 299", "49.–"). */
const FIGURE = String.raw`\d(?:[\d.,\u00a0\u202f ]*\d)?(?:[.,][-–])?`;
/** A price: a figure with its currency before or after it ("$25", "29,99 €", "CHF 49.–"). */
const PRICE = String.raw`(?:${CURRENCY}\s?${FIGURE}|${FIGURE}\s?${CURRENCY})`;
/** The word that names where a price is paid ("at", "bei", "chez", "en", "su", "bij", "hos" …). */
const SHOP_PREPS = ['at', 'from', 'on', 'via', 'bei', 'auf', 'über', 'chez', 'sur', 'en', 'su', 'presso', 'da', 'em', 'na', 'no', 'bij', 'hos', 'på', 'w', 'u', 'в', 'на'];
/** A shop's name after it: a few words, each capitalised ("Amazon", "John Lewis", "Bloom & Wild", "eBay") or a
 *  domain ("bol.com"): a figure and a phrase in lower case are a fact ("$25 on average per household"). */
const RETAILER_WORD = String.raw`(?:[\p{Lu}\d]\S*|\p{Ll}+\p{Lu}\S*|[\p{L}\d-]+\.\p{Ll}{2,3}(?!\S)|[&+])`;
const RETAILER = String.raw`${RETAILER_WORD}(?:\s+${RETAILER_WORD}){0,3}`;
/** The wording of a shop's button, in a dozen languages ("Buy now", "View deal", "Jetzt kaufen", "Voir l'offre"). */
const BUY_BUTTONS = [
  'buy now', 'buy it now', 'buy it', 'shop now', 'shop it', 'shop the look', 'check price', 'check prices', 'check the price',
  'see price', 'see prices', 'see it', 'view it', 'view deal', 'view deals', 'see deal', 'see deals', 'get deal', 'get the deal',
  'view offer', 'see offer', 'view product', 'see product', 'add to cart', 'add to basket', 'compare prices',
  'jetzt kaufen', 'hier kaufen', 'zum angebot', 'zum shop', 'zum produkt', 'zum deal', 'preis prüfen', 'angebot ansehen',
  'acheter', 'acheter maintenant', "voir l'offre", 'voir le prix', 'voir les offres', "j'en profite",
  'comprar', 'comprar ahora', 'comprar agora', 'compre agora', 'ver oferta', 'ver ofertas', 'ver precio', 'ver preço',
  'acquista', 'acquista ora', 'vedi offerta', 'vedi prezzo', 'nu kopen', 'bekijk aanbieding', 'bekijk prijs',
  'köp nu', 'køb nu', 'kjøp nå', 'se pris',
];
/** A button's verb that names the shop after it ("See at Amazon", "Buy from Target", "Voir sur Fnac", "Ver en Amazon"). */
const BUY_VERBS = ['buy', 'buy now', 'shop', 'shop now', 'see', 'view', 'check price', 'acheter', 'voir', 'disponible', 'comprar', 'ver', 'acquista', 'vedi', 'bekijk', 'köp', 'køb', 'kjøp'];
/** Words before a price ("From $25 at Amazon", "Ab 29 € bei Otto", "Dès 19 € chez Fnac"). */
const PRICE_LEADS = ['from', 'ab', 'dès', 'desde', 'da', 'vanaf'];
/** A price, or a sale's two side by side ("$25 $35 at Amazon"), or a button's verb, then where it is paid. */
const PRICE_OR_VERB = `(?:(?:${anyCase(PRICE_LEADS)}\\s+)?${PRICE}(?:\\s*[/|]?\\s*${PRICE})?|${anyCase(BUY_VERBS)})`;
/** Read case-sensitively (a shop's name is capitalised), the words in any of the cases buttons are set in. */
const SHOP_LINK_RE = new RegExp(`^[^\\p{L}\\p{N}$£€¥₹₩₽₺₴₪₫฿₱]*(?:${PRICE_OR_VERB}\\s+${anyCase(SHOP_PREPS)}\\s+${RETAILER}\\s*)+[^\\p{L}\\p{N}.!?]*$`, 'u');
/** A button alone, in any case. */
const BUY_BUTTON_RE = new RegExp(`^[^\\p{L}\\p{N}]*(?:${BUY_BUTTONS.map((b) => escapeRe(nfc(b)).replace(/'/g, "['’]")).join('|')})[^\\p{L}\\p{N}]*$`, 'iu');
/** Longest line of a shop's prices and buttons (a few shops side by side). */
const SHOP_LINK_MAX_CHARS = 120;

/** A shop's affiliate furniture under a product: its price where it is sold ("$89 at Crate & Barrel", "€29 bei Amazon") or
 *  its button ("Buy now", "See at Target"). Never the article's text, which goes on around it as it does round an ad. */
export function isShopLink(text: string): boolean {
  if (text.length > SHOP_LINK_MAX_CHARS) return false;
  return BUY_BUTTON_RE.test(text) || SHOP_LINK_RE.test(text);
}

/** Links that pay their site ("affiliate links", "Affiliate-Links", "liens d'affiliation", "enlaces de afiliados"). */
const AFFILIATE_RE = /(?<!\p{L})(?:affiliate (?:links?|commissions?|partnerships?|programs?)|affiliate-links?|partnerlinks?|liens? (?:d['’]affiliation|affiliés?|sponsorisés)|enlaces? (?:de )?afiliad[oa]s?|links? (?:de )?afiliad[oa]s?|link affiliati)(?!\p{L})/iu;
/** A commission the site may be paid ("a small commission", "eine Provision", "une commission"), not "the Commission". */
const COMMISSION_RE = /(?<!\p{L})(?:an?|small|une|eine|una|uma|petite|kleine|piccola|pequeña)\s+(?:\p{L}+\s+)?(?:commission|provision|comisión|commissione|comissão)(?!\p{L})/iu;
/** What the commission is paid on: a reader buying ("buy", "purchase", "Kauf", "achat", "compra", "acquisto"). */
const PURCHASE_RE = /(?<!\p{L})(?:buy|purchase[sd]?|click|shop|\p{L}*k[aä]uf\p{L}*|achat\p{L}*|achet\p{L}*|compra\p{L}*|acquist\p{L}*)/iu;
/** The links it is paid through ("links", "liens", "enlaces", "collegamenti"). */
const AFFILIATE_LINK_RE = /(?<!\p{L})(?:links?|liens?|enlaces?|collegamenti|ligações)(?!\p{L})/iu;
/** The site speaking of itself ("we", "wir", "nous", "nosotros" and verbs in its person: "recibimos", "riceviamo"). */
const FIRST_PERSON_RE = /(?<!\p{L})(?:we|us|our|wir|uns|nous|nos|nosotros|podemos|recibimos|ganamos|noi|possiamo|potremmo|riceviamo|nós|recebemos)(?!\p{L})/iu;

/** The site's note that it is paid for what readers buy through its links ("if you buy through our links, we may earn
 *  a commission"): the page's furniture, however much it reads as a sentence. */
export function isAffiliateDisclosure(text: string): boolean {
  // (a plain look for a word of links first: most paragraphs have none, and the expressions' look-behinds are slow)
  if (!LINK_HINT_RE.test(text) || !AFFILIATE_LINK_RE.test(text) || !FIRST_PERSON_RE.test(text)) return false;
  if (!AFFILIATE_RE.test(text) && !(COMMISSION_RE.test(text) && PURCHASE_RE.test(text))) return false;
  // (a quotation of an editor, a story's sentence about such notes, is no note of the page's own)
  return !QUOTE_OPENING_RE.test(text) && !REPORTED_SPEECH_RE.test(text);
}
/** The letters every word of AFFILIATE_LINK_RE holds. */
const LINK_HINT_RE = /link|lien|enlace|collegament|ligaç/i;

/** A paragraph opening with a quotation mark. */
const QUOTE_OPENING_RE = new RegExp(`^\\s*[${QUOTE_MARKS}]`, 'u');

/** Alternatives matching each phrase in lower case, capitalised, in title case or in capitals ("buy now", "Buy now",
 *  "Buy Now", "BUY NOW"), its apostrophe straight or curly. */
function anyCase(phrases: readonly string[]): string {
  const title = (p: string): string => p.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
  const forms = phrases.flatMap((p) => [p, p[0].toUpperCase() + p.slice(1), title(p), p.toUpperCase()]);
  return `(?:${[...new Set(forms)].map((p) => escapeRe(nfc(p)).replace(/'/g, "['’]")).join('|')})`;
}

/** Navigation, sharing, account, cookie and footer words; a short block made mostly of them is boilerplate. */
export const BOILERPLATE_PHRASES: readonly string[] = [
  // English
  'share', 'share this', 'tweet', 'email', 'print', 'facebook', 'twitter', 'whatsapp', 'linkedin', 'pinterest',
  'reddit', 'flipboard', 'subscribe', 'sign in', 'sign up', 'log in', 'login', 'register', 'newsletter',
  'cookie', 'cookies', 'privacy policy', 'terms of use', 'terms of service', 'all rights reserved', 'copyright',
  'advertisement', 'advertising', 'sponsored', 'skip to content', 'skip to main content', 'back to top', 'menu',
  'search', 'home', 'comments', 'comment', 'leave a comment', 'reply', 'click here', 'click to', 'opens in new window',
  'follow us', 'contact us', 'about us', 'most popular', 'most read', 'trending', 'you may also like',
  'recommended', 'more stories', 'related articles', 'related stories', 'report this', 'thanks for reporting',
  'watch', 'video', 'photos', 'gallery', 'load more', 'show more', 'next', 'previous', 'permalink',
  // an article's tool bar: gift it, save it, have it read aloud
  'gift article', 'gift this article', 'share full article', 'save article', 'save for later', 'read later',
  'listen to this article',
  // French
  'partager', 'partagez', "offrir l'article", 'lire plus tard', 'écouter cet article', 'imprimer', "s'abonner", 'abonnez-vous', 'se connecter', 'connexion', 'inscription',
  'publicité', 'accueil', 'rechercher', 'recherche', 'commentaires', 'commenter', 'suivez-nous',
  'mentions légales', 'politique de confidentialité', 'tous droits réservés', 'les plus lus', 'à la une',
  'signaler', 'articles similaires', 'vous aimerez aussi',
  // Spanish
  'compartir', 'comparte', 'imprimir', 'suscríbete', 'suscribirse', 'iniciar sesión', 'regístrate', 'publicidad',
  'inicio', 'buscar', 'comentarios', 'haga clic aquí', 'haz clic aquí', 'síguenos', 'aviso legal',
  'política de privacidad', 'todos los derechos reservados', 'lo más leído', 'noticias relacionadas',
  // German
  'teilen', 'drucken', 'abonnieren', 'anmelden', 'registrieren', 'werbung', 'anzeige', 'startseite', 'suche',
  'kommentare', 'hier klicken', 'artikel verschenken', 'später lesen', 'artikel anhören', 'folgen sie uns', 'impressum', 'datenschutz', 'alle rechte vorbehalten',
  'meistgelesen', 'das könnte sie auch interessieren',
  // Portuguese / Italian
  'compartilhar', 'partilhar', 'assine', 'publicidade', 'condividi', 'stampa', 'iscriviti', 'pubblicità',
  // Arabic
  'شارك', 'مشاركة', 'طباعة', 'اشترك', 'تسجيل الدخول', 'إعلان', 'الرئيسية', 'بحث', 'تعليقات', 'جميع الحقوق محفوظة',
];
/** Longest first: at a given start the expression takes the first alternative that matches. */
const BOILERPLATE_LONGEST_FIRST = [...BOILERPLATE_PHRASES].sort((a, b) => b.length - a.length);
/** Exported for tests: the definition boilerplateCoverage computes. */
export const BOILERPLATE_RE = new RegExp(
  `(?:^|[^\\p{L}])(?:${BOILERPLATE_LONGEST_FIRST.map(escapeRe).join('|')})(?=$|[^\\p{L}])`,
  'giu',
);

/** Headings that announce a list of other articles ("Related articles", "Vous aimerez aussi"). */
export const TEASER_HEADING_RE = new RegExp(
  `^\\s*(?:${[
    'related', 'related articles', 'related stories', 'related posts', 'related content', 'more stories', 'more articles',
    'more from', 'more on', 'you may also like', 'you might also like', 'recommended', 'recommended for you', 'read next',
    'most popular', 'most read', 'most viewed', 'most shared', 'popular', 'editor\'s picks', 'trending', 'trending now', 'you may like', 'around the web', 'from the web', 'recent posts', 'more in', 'also on', 'latest news', 'latest', 'articles', 'more news', 'top stories',
    'à lire aussi', 'lire aussi', 'articles similaires', 'sur le même sujet', 'vous aimerez aussi', 'les plus lus',
    'dans la même rubrique', 'plus d\'articles', 'derniers articles', 'artículos relacionados', 'noticias relacionadas',
    'te puede interesar', 'lo más leído', 'más noticias', 'últimas noticias', 'das könnte sie auch interessieren',
    'mehr zum thema', 'weitere artikel', 'meistgelesen', 'ähnliche artikel', 'notícias relacionadas', 'leia também',
    'articoli correlati', 'potrebbe interessarti', 'مقالات ذات صلة', 'أخبار ذات صلة', 'اقرأ أيضا',
    'vous pourriez aimer', 'vous aimerez aussi', 'à découvrir aussi', 'te puede gustar', 'también te puede interesar',
    'quizás te interese', 'das könnte sie interessieren', 'weitere meldungen', 'você pode gostar', 'você também pode gostar',
    'veja também', 'ti potrebbe interessare', 'related coverage', 'related links', 'related reading',
    'further reading', 'more coverage',
  ].map(escapeRe).join('|')})\\s*(?:[:.]|\\.{3}|…)?\\s*$`,
  'iu',
);

/** Headings that open a comment thread ("12 Comments", "Leave a Reply", "34 responses to …"). */
export const COMMENTS_HEADING_RE = new RegExp(
  `^\\W*(?:\\d+\\s+)?(?:${[
    'comments?', 'responses?', 'replies', 'reactions?', 'leave a (?:reply|comment)', 'add a comment', 'post a comment',
    'join the discussion', 'discussion', 'top rated comments', 'show comments', 'view comments', 'reader comments',
    'commentaires?', 'réactions?', 'laisser un commentaire', 'réagir', 'comentarios?', 'deja un comentario',
    'deja tu comentario', 'kommentare?', 'leserkommentare', 'kommentieren', 'comentários?', 'commenti', 'التعليقات', 'تعليقات',
    'reacties', 'kommentarer', 'kommentit', 'komentarze', 'komentáře', 'comentarii', 'hozzászólások', 'yorumlar', 'komentar',
    'комментарии', 'коментарі', 'σχόλια', 'bình luận', 'תגובות', 'نظرات', 'टिप्पणियां', 'टिप्पणियाँ', 'कमेंट्स', 'कमेंट', 'মন্তব্য', 'تبصرے', 'コメント', '댓글', '评论', '評論', '留言',
  ].join('|')})(?:\\s+(?:to|on|for|sur|de|zu)\\b.*)?\\W*(?:[(（]\\d+\\s*件?[)）])?\\W*$`,
  'iu',
);

/**
 * The author line of a comment ("• Jane on May 3, 2019 at 4:47 pm said:", "12. joe says:"): a name and a verb of
 * saying before a final colon. Body text has such lines too ("The minister said:"), so a comment line must also
 * be numbered/bulleted or dated, and two of them make a thread (see index.ts).
 */
export const COMMENT_AUTHOR_RE = /^(?:[•◦▪*·\-–]|\d{1,4}[.)])?\s*\S.{0,100}?\s(?:says|said|wrote|writes|dit|a dit|a écrit|écrit|dice|dijo|escribió|escribe|sagt|schrieb|schreibt|disse|diz|escreveu|scrive|ha scritto)\s*:$/iu;

/** COMMENT_AUTHOR_RE.test(text), its final colon checked first: few lines end in one, and the expression tries up to
 *  a hundred positions for the verb on every line it is given (1% of cleaning). */
export function isCommentAuthorLine(text: string): boolean {
  return text.endsWith(':') && COMMENT_AUTHOR_RE.test(text);
}

/** Photo words of captions' closing credits (Swahili, Urdu, Malay, Tamil, Slovak, Catalan … besides the commoner ones). */
const CREDIT_PHOTO_WORDS = 'photo|photograph|foto|fotó|fotka|fotografia|fotografía|kuva|bilde|bild|picha|gambar|imej|larawan|sary|фото|снимка|сурет|zdjęcie|fotoğraf|צילום|فوٹو|تصویر|عکس|تصوير|صورة|படம்|写真|图片|사진|ảnh|ภาพ|ພາບ|फोटो|ছবি|ফটো|ଫଟୋ|ఫోటో|ಫೋಟೋ|ഫോട്ടോ|ફોટો|ਫੋਟੋ';
/** Photo credit and caption markers ("Photo: AFP", "Image copyright Getty Images"). */
export const CAPTION_RE = new RegExp(
  [
    '\\b(?:getty images|shutterstock|istock(?:photo)?|alamy|associated press|reuters|afp|dpa|epa|ap photo)\\b',
    '^\\s*(?:photo|photograph|image|picture|illustration|credit|crédit|crédits|foto|bild|imagen|source image)s?\\s*(?:credit)?\\s*[:©/]',
    '\\b(?:image copyright|photo credit|image caption|crédit photo|pie de foto|bildquelle)\\b',
    "^\\s*(?:file photo|photo d'archive|foto de archivo|archivbild|contributing|additional reporting|with reporting by)\\b",
    // Other scripts, where \\b (ASCII only) cannot be used: the word, then its colon.
    '^\\s*(?:фото|снимка|сурет|zdjęcie|fot\\.|fotoğraf|φωτογραφία|φωτ\\.|צילום|写真|图片|사진|ảnh|फोटो|الصورة)\\s*[:：]',
    // BBC World Service captions and credits, a label and a comma ("Bayanan hoto, …", "Chanzo cha picha, Getty Images").
    '^\\s*(?:bayanan hoto|asalin hoton|maelezo ya picha|chanzo cha picha)\\s*[,:]',
    // Lithuanian credits name the source before "nuotr." (photo): "… Vilniuje. / Dienos žinios nuotr.".
    '[.!?]\\s+(?:/\\s*)?[^.!?/]{1,60}\\snuotr\\.\\s*$',
    // A caption's credit closing it, after its sentence or a dash: a photo word in any of CREDIT_PHOTO_WORDS' languages
    // (an adjective before it allowed: "Ilustračné foto") with its colon, then who took it ("… bridge. Photo: City
    // Council", "… maji. Picha: Mwangaza Leo", "… — فوٹو: آواز", markdown's "_Foto: Lars Bo Nielsen_"). The photo word is
    // asked for: any label before a colon matched headlines ("بعد لقاء القاهرة.. وزير الخارجية: …", "Ukraine War –
    // Zelensky: …") and sentences ("… Source: Statistics Canada").
    // Thai and Lao end a sentence with a space alone: "… ສາມແສນໄທ ພາບ: ສົມພອນ".
    `(?:[.。!?।]|\\s[—–/-]|[\\u0e00-\\u0eff]\\s)\\s*[_*]*[(（]?\\s*(?:\\p{L}+\\s)?(?:${CREDIT_PHOTO_WORDS})\\s*[:：][^.。।]{1,80}$`,
    // Korean captions credit the picture after a slash: "▲ 새 전동차. /사진=부산교통공사" (a ▲ alone opens list items too).
    '/\\s*사진\\s*[=:：]\\s*\\S[^/]{0,40}$',
    // Chinese captions: "图为" (the picture shows) opening one, "记者 李明 摄" (photographed by reporter Li Ming) or
    // "新华社发" (released by Xinhua) closing one.
    // A credit in brackets closing the caption, the photo word then who took it: "(foto Ansa)", "(Photo: Reuters)",
    // "(تصوير: …)", "（圖／記者陳怡君攝）"; not a headline's tag alone ("(FOTO)", "（图）", "(photos)").
    '[(（]\\s*(?:photo|photograph|picture|image|imagen|foto|fotó|bild|beeld|kuva|bilde|kuha|larawan|dok\\.|фото|снимка|zdjęcie|fotoğraf|צילום|تصوير|صورة|圖|图|写真|사진|ảnh|ภาพ|फोटो)(?:\\s*[:：／/]\\s*|\\s+)[^()（）\\s][^()（）]{0,79}[)）]\\s*$',
    // A credit after the caption's sentence with a copyright sign ("… N34. © Foto: Vechtdal Actueel").
    '[.。]\\s*©\\s*(?:photo|foto|fotó|bild|beeld|kuva|bilde|фото|image|imagen)\\s*[:：]',
    '^\\s*图为',
    '^\\s*[（(]写真[）)]',
    // Japanese captions end with when and where the picture was taken, after a full-width equals sign ("…電気バス＝13日、
    // 松本市役所") or in brackets ("…受験生（3月、長野市内）"), with the agency ("…＝共同"); a headline's ＝ is followed
    // by more news ("…追加関税＝来月から発動へ"), an event's facts by no day ("日時＝4月20日…"), a dateline's
    // "【ワシントン＝共同】" is in brackets.
    '\\S＝\\d{1,2}日(?:午[前後]\\d{1,2}時(?:\\d{1,2}分)?)?[、,][^＝。．！？】」]{1,20}$',
    '\\S＝(?:共同|時事|ロイター|AP|AFP|EPA|ゲッティ)$',
    // or with the place alone, in kanji or katakana, after a description ("…立つ佐藤さん夫妻＝木曽町"; an event's facts,
    // "会場＝市民会館", have a label of a word before the sign). The description is looked behind for, from the sign: as
    // `[^＝]{8,}＝` it was tried from every character of every line to its end (quadratic; 97% of this expression's time).
    '＝(?<=[^＝]{8}＝)[\\p{Script=Han}\\p{Script=Katakana}ー・]{2,12}$',
    '（\\d{1,2}月(?:\\d{1,2}日)?[、,][^（）。]{1,20}）\\s*$',
    '(?:记者|通讯员)\\s*\\S{2,4}\\s+摄[）)]?\\s*$',
    '(?:新华社|中新社)发[）)]?\\s*$',
  ].join('|'),
  'iu',
);

/** A caption's sentence, then an agency and a name with a slash in brackets, as Indonesian captions end ("… Jakarta.
 *  (ANTARA/Aditya Putra)"): case-sensitive, so a bracketed "and/or" is no credit. */
const CAPTION_AGENCY_CREDIT_RE = /[.。]\s*[(（]\s*\p{Lu}[\p{L}\p{N}.-]*(?:\s\p{Lu}[\p{L}\p{N}.-]*){0,2}\s*[/／]\s*\p{Lu}[\p{L} .-]{1,40}[)）]\s*$/u;

/** "FOTO" and a name with no colon after a caption's sentence, as Malay captions end ("Gambar hiasan. FOTO Arkib"); not
 *  at a line's start, where tabloid headlines put it ("FOTO ŠOK U ZAGREBU"). */
const PHOTO_WORD_CREDIT_RE = /[.。!?]\s+(?:FOTO|PHOTO)\s+\p{Lu}[\p{L}\p{M}'’.-]*(?:[\s/]+\p{Lu}[\p{L}\p{M}'’.-]*){0,4}\s*$/u;

/**
 * A caption of several sentences closed by its credit: a photo word and a colon after the last sentence, then who took
 * it, a name or an agency and nothing after ("… holiday lets. Photograph: Jim Wileman/The Meridian", "… dependency.
 * Image: ByteWire"). A paragraph does not end in a credit, so such a line is a caption however long.
 */
export function closesWithCredit(text: string): boolean {
  // The line's end only: the credit and the words before it take fewer characters than this (most lines hold no colon there).
  const end = text.slice(-CLOSING_CREDIT_MAX_CHARS);
  if (!end.includes(':') && !end.includes('：')) return false;
  const credit = CLOSING_CREDIT_RE.exec(end)?.[1];
  // (the capital asked apart: under the expression's flag for the photo words' case, \p{Lu} matches any letter)
  return credit !== undefined && CAPITAL_START_RE.test(credit);
}
const CLOSING_CREDIT_RE = new RegExp(`[.!?]["'”’»)]?\\s+(?:${CREDIT_PHOTO_WORDS}|image|picture|illustration)s?\\s*[:：]\\s*([^.!?:：]{2,60})$`, 'iu');
const CAPITAL_START_RE = /^\p{Lu}/u;
const CLOSING_CREDIT_MAX_CHARS = 100;

/** A photo's caption or credit (CAPTION_RE, CAPTION_AGENCY_CREDIT_RE, PHOTO_WORD_CREDIT_RE). */
export const isCaptionText = (text: string): boolean =>
  // (the photo word looked for first: most short lines hold none)
  CAPTION_RE.test(text) || CAPTION_AGENCY_CREDIT_RE.test(text) || (PHOTO_WORD_HINT_RE.test(text) && PHOTO_WORD_CREDIT_RE.test(text));

/**
 * A caption closed by its photographer's name in capitals, as Portuguese and Spanish papers print it ("Vindima no
 * Douro. PAULO PIMENTA", "… Finanças. MIGUEL A. LOPES/LUSA"): two to four words of three capitals or more, or
 * initials, in a line of 160 characters at most. Looked past above the article only, never taken out of a body: a
 * paragraph may end in a label run into it ("… 10 assists. UP NEXT", "… town centre. ROAD CLOSURES"), a tabloid's
 * headline in a phrase in capitals ("… posle tri dana. OGLASILA SE POLICIJA"), whose short words no name has.
 */
export function endsWithPhotographer(text: string): boolean {
  return text.length <= CAPITALS_CREDIT_MAX_CHARS && endsInCapital(text) && CAPITALS_CREDIT_RE.test(text);
}
const CAPITALS_CREDIT_RE = /[\p{Ll}\p{N}”’")][.!?]\s+(?:(?:\p{Lu}{3,}|\p{Lu}\.)\s+){1,3}\p{Lu}{3,}(?:\/\p{Lu}{2,})?\s*$/u;
const CAPITALS_CREDIT_MAX_CHARS = 160;
/** Whether the line ends in a capital letter (asked before the expression, which most lines would fail slowly). */
function endsInCapital(text: string): boolean {
  const last = text.trimEnd().slice(-1);
  return last !== last.toLowerCase();
}
const PHOTO_WORD_HINT_RE = /foto|photo/i;


/** A reading-time line ("16 minute read", "5 min read", "Tempo di lettura: 3 minuti", "Lesezeit: 4 Min.", and Firefox
 *  reader view's estimate of a range alone: "2–3 minutes"). */
export const READING_TIME_RE = /^(?:\d{1,3}\s?[–-]\s?\d{1,3}\s?(?:minutes?|mins?\.?)|\d{1,3}\s?-?\s?(?:minutes?|mins?\.?)\s+(?:read|reading|de lecture|de lectura|di lettura|de leitura|lesezeit|leestijd)|(?:reading time|read time|tempo di lettura|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura|leestijd|lästid|lesetid|læsetid|lukuaika|czas czytania|время чтения|час читання|doba čtení|okuma süresi)\s*[:：]?\s*(?:\d{1,3}|<\s?\d{1,3})?\s*\S{0,8})$/iu;

/** A photo gallery's counter glued to its caption, as dump tools render a slideshow ("1of4A shopper looks at…",
 *  "2de5…", "3von8…"): the glued form only, since "1 of 4 voters" is prose. */
export const GALLERY_COUNTER_RE = /^\s*(\d{1,3})(?:of|de|von|sur|di|van|su)(\d{1,3})(?=[\p{Lu}\p{Lt}"“«(])/u;

/** Copyright and rights notices. */
export const COPYRIGHT_RE = /©|\(c\)\s*\d{4}|\b(?:all rights reserved|tous droits réservés|todos los derechos reservados|alle rechte vorbehalten|todos os direitos reservados|tutti i diritti riservati)\b|جميع الحقوق محفوظة/iu;
/** What every match of COPYRIGHT_RE holds, under the same flags: ©, "(c)", the "serv" of reserved / réservés /
 *  reservados / riservati, the "behalt" of vorbehalten, the Arabic notice's first word. */
const COPYRIGHT_HINT_RE = /©|\(c\)|serv|behalt|جميع/iu;

/** COPYRIGHT_RE.test(text), most lines cleared by the hint first (the notice expression was 3% of cleaning). */
export function isCopyrightNotice(text: string): boolean {
  return COPYRIGHT_HINT_RE.test(text) && COPYRIGHT_RE.test(text);
}

/** An ASCII unit as ASCII case folding compares it. */
const foldAscii = (unit: number): number => (isAsciiLetter(unit) ? unit | 0x20 : unit);
/** Index of the pair of folded ASCII units a phrase starts with (all ASCII phrases are 4 or more long). */
const pairIndex = (first: number, second: number): number => (foldAscii(first) << 7) | foldAscii(second);

interface AsciiPhrase {
  phrase: string;
  letters: number;
}

/**
 * The ASCII phrases by their first two characters, longest first, with their letter counts. A text whose letters
 * are all ASCII can only match these, and matches them as ASCII case folding does: under the expression's case
 * folding a phrase character is equivalent only to the same ASCII letter or to letters outside ASCII (K, ſ), which
 * such a text does not hold (tests/clean/phrases.test.ts checks it for every phrase character).
 */
const ASCII_PHRASES: Array<AsciiPhrase[] | undefined> = [];
for (const phrase of BOILERPLATE_LONGEST_FIRST) {
  if (/[^\x00-\x7f]/.test(phrase)) continue;
  const lower = phrase.toLowerCase();
  const index = pairIndex(lower.charCodeAt(0), lower.charCodeAt(1));
  (ASCII_PHRASES[index] ??= []).push({ phrase: lower, letters: countLetterUnits(lower) });
}

/** The first (longest) ASCII phrase at `start` followed by the end or a non-letter. */
function asciiPhraseAt(text: string, units: Uint16Array, start: number): AsciiPhrase | null {
  if (start + 1 >= text.length) return null;
  const first = units[start];
  const second = units[start + 1];
  if (first >= 0x80 || second >= 0x80) return null;
  const candidates = ASCII_PHRASES[pairIndex(first, second)];
  if (!candidates) return null;
  for (const candidate of candidates) {
    const { phrase } = candidate;
    const end = start + phrase.length;
    if (end > text.length || (end < text.length && isAsciiLetter(units[end]))) continue;
    let i = 2;
    while (i < phrase.length && foldAscii(units[start + i]) === phrase.charCodeAt(i)) i++;
    if (i === phrase.length) return candidate;
  }
  return null;
}

/** Letters of the text the last asciiCoveredLetters call read (set when it returns a count). */
let asciiLetters = 0;

/**
 * Letters covered by BOILERPLATE_RE's matches in a text whose letters are all ASCII, found as the expression finds
 * them (a match starts the text or follows a non-letter at or after the end of the last one) without running it:
 * its 150 case-insensitive alternatives tried at each non-letter cost ~3 µs per short block, 9% of cleaning. The
 * text's letters are counted in the same scan (asciiLetters): a scan each to count letters, to check they are
 * ASCII and to find phrases was half of this feature's time. -1 as soon as a letter is not ASCII.
 */
function asciiCoveredLetters(text: string): number {
  let letters = 0;
  let covered = 0;
  let from = 0;
  let afterLetter = false;
  // (the copy scanBlock made of the block's units, most often: see utf16Units)
  const units = utf16Units(text);
  for (let i = 0; i < text.length; i++) {
    const unit = units[i];
    if (unit >= 0x80) {
      const bits = classAt(text, i);
      if (bits & LETTER) return -1;
      afterLetter = false;
      if (bits & PAIR) i++;
      continue;
    }
    if (i === 0 || (i > from && !afterLetter)) {
      const match = asciiPhraseAt(text, units, i);
      if (match) {
        covered += match.letters;
        from = i + match.phrase.length;
      }
    }
    afterLetter = isAsciiLetter(unit);
    if (afterLetter) letters++;
  }
  asciiLetters = letters;
  return covered;
}

/** Share of a block's characters covered by boilerplate phrases (0..1). */
export function boilerplateCoverage(text: string): number {
  const asciiCovered = asciiCoveredLetters(text);
  if (asciiCovered >= 0) return asciiLetters === 0 ? 0 : Math.min(1, asciiCovered / asciiLetters);
  // A letter outside ASCII: the expression itself (the text has a letter, so the share is defined).
  const letters = countLetterUnits(text);
  let covered = 0;
  // exec on the one global expression rather than matchAll, which builds a copy of it per call (its 5 KB source
  // hashed again each time: most of the time spent here). No match is empty, so the loop always advances.
  BOILERPLATE_RE.lastIndex = 0;
  for (let m = BOILERPLATE_RE.exec(text); m !== null; m = BOILERPLATE_RE.exec(text)) covered += countLetterUnits(m[0]);
  return Math.min(1, covered / letters);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function nfc(s: string): string {
  return s.normalize('NFC');
}
