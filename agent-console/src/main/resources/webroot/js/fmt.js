// Dates are stored in UTC and shown in the Solar Hijri calendar, Tehran time (DESIGN §5). The browser's
// Intl does the calendar work; the only thing it cannot do is parse, so jalaliToDate() searches with it.

const TZ = 'Asia/Tehran';
const dateFmt = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit'});
const hmFmt = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'});
const timeFmt = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {timeZone: TZ, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'});
const longDateFmt = new Intl.DateTimeFormat('fa-IR-u-ca-persian', {timeZone: TZ, weekday: 'long', year: 'numeric', month: 'long', day: 'numeric'});
const part = (parts, type) => parts.find(p => p.type === type)?.value ?? '';
// Latin-digit parts, to compute with (numberingSystem latn keeps the persian calendar).
const partsFmt = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {timeZone: TZ, year: 'numeric', month: 'numeric', day: 'numeric'});
const numFmt = new Intl.NumberFormat('fa-IR');

const toDate = v => (v instanceof Date ? v : v == null || v === '' ? null : new Date(v));

export function jDate(v) { const d = toDate(v); return d ? dateFmt.format(d) : '—'; }
export function jDateTime(v) { const d = toDate(v); return d ? `${dateFmt.format(d)}، ${hmFmt.format(d)}` : '—'; }
export function jTime(v) { const d = toDate(v); return d ? timeFmt.format(d) : '—'; }
/** "جمعه ۲۹ آبان ۱۴۰۵" — assembled from parts, since ICU versions order the long pattern differently. */
export function jLongDate(v) {
  const d = toDate(v);
  if (!d) return '—';
  const p = longDateFmt.formatToParts(d);
  return `${part(p, 'weekday')} ${part(p, 'day')} ${part(p, 'month')} ${part(p, 'year')}`;
}
export function num(n) { return n == null ? '—' : numFmt.format(n); }

/** Jalali {y, m, d} of an instant, in Tehran. */
export function jalaliParts(v) {
  const parts = Object.fromEntries(partsFmt.formatToParts(toDate(v)).map(p => [p.type, p.value]));
  return {y: parseInt(parts.year, 10), m: parseInt(parts.month, 10), d: parseInt(parts.day, 10)};
}

/**
 * A code, number or phone number to put inside Persian text: Persian digits, isolated left-to-right
 * (U+2066 LEFT-TO-RIGHT ISOLATE … U+2069 POP DIRECTIONAL ISOLATE). Without it "۰۸۶-۵۷۴-۶۵۷" in a
 * right-to-left sentence reads ۶۵۷-۵۷۴-۰۸۶. The one helper every sentence uses (the server's sentences
 * do the same in core's TimelineText).
 */
export function ltr(v) {
  return v == null || v === '' ? '' : '\u2066' + faDigits(v) + '\u2069';
}

/** A tracking code inside a sentence: grouped, Persian digits, isolated. */
export function codeInText(code) { return ltr(trackingCode(asciiDigits(code))); }

/** A count inside a sentence: "۲ ثانیه", never "2 ثانیه". */
export function count(n) { return n == null ? '—' : ltr(numFmt.format(n)); }

/** ASCII digits → Persian digits, for codes and numbers read out to callers. */
export function faDigits(s) {
  return s == null ? '' : String(s).replace(/[0-9]/g, c => String.fromCharCode(0x06F0 + (c.charCodeAt(0) - 48)));
}

/** Persian (U+06F0–06F9) and Arabic-Indic (U+0660–0669) digits → ASCII, as the server's NationalId accepts. */
export function asciiDigits(s) {
  return s == null ? '' : String(s)
    .replace(/[\u06F0-\u06F9]/g, c => String(c.charCodeAt(0) - 0x06F0))
    .replace(/[\u0660-\u0669]/g, c => String(c.charCodeAt(0) - 0x0660));
}

/** 125 → "۲:۰۵"; null → "—". */
export function duration(seconds) {
  if (seconds == null || Number.isNaN(seconds)) return '—';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const pad = x => String(x).padStart(2, '0');
  return faDigits(h > 0 ? `${h}:${pad(m)}:${pad(r)}` : `${m}:${pad(r)}`);
}

const MONTH_START = m => (m <= 6 ? (m - 1) * 31 : 186 + (m - 7) * 30);

/**
 * "۱۴۰۵/۰۹/۰۱" (any digits, / or -) → the Gregorian calendar date "2026-11-22" of that Jalali day, or null.
 * Starts from an estimate (the Jalali year begins around 21 March) and corrects it with Intl itself,
 * so no conversion table is copied here.
 */
export function jalaliToIso(text) {
  const m = /^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$/.exec(asciiDigits(text ?? ''));
  if (!m) return null;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || (mo > 6 && d > 30)) return null;
  const utc = Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric'});
  const ordinal = ({y: yy, m: mm, d: dd}) => yy * 400 + MONTH_START(mm) + dd;
  const target = ordinal({y, m: mo, d});
  let t = Date.UTC(y + 621, 2, 21) + (MONTH_START(mo) + d - 1) * 86400000;
  for (let i = 0; i < 6; i++) {
    const p = Object.fromEntries(utc.formatToParts(new Date(t)).map(x => [x.type, x.value]));
    const diff = target - ordinal({y: parseInt(p.year, 10), m: parseInt(p.month, 10), d: parseInt(p.day, 10)});
    if (diff === 0) return new Date(t).toISOString().slice(0, 10);
    t += Math.sign(diff) * Math.min(Math.abs(diff), 3) * 86400000;
  }
  return null; // e.g. 30 Esfand of a common year
}

/** The Jalali text "۱۴۰۵/۰۹/۰۱" of a Gregorian ISO date, for inputs. */
export function isoToJalali(iso) {
  if (!iso) return '';
  const utc = Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit'});
  const p = Object.fromEntries(utc.formatToParts(new Date(iso + 'T00:00:00Z')).map(x => [x.type, x.value]));
  return faDigits(`${parseInt(p.year, 10)}/${p.month}/${p.day}`);
}

/** Today's Gregorian ISO date in Tehran. */
export function todayIso(offsetDays = 0) {
  const now = new Date(Date.now() + offsetDays * 86400000);
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit'})
    .formatToParts(now).map(x => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The tracking code grouped for reading aloud, "۱۲۳-۴۵۶-۷۸۹", as the server's trackingCodePersian. Dashes,
 * not spaces: digits joined by single dashes stay one left-to-right run inside right-to-left text.
 */
export function trackingCode(code) {
  const s = String(code ?? '');
  return faDigits(s.replace(/(\d{3})(?=\d)/g, '$1-'));
}
