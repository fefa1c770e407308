// What every page needs: who is signed in, the reference lists with Persian labels, and role checks.
// Role checks here only hide what a role cannot do; the server checks every request itself.
import * as L from './labels.js';

export const app = {
  me: null,
  ref: null,
};

export const hasRole = (...roles) => !!app.me && roles.some(r => app.me.roles.includes(r));

/** [code, label] pairs of a reference list, from the server when it gave one, else the local table. */
export function choices(refKey, fallback) {
  const list = app.ref?.[refKey];
  if (Array.isArray(list) && list.length) return list.map(x => [x.code, x.label ?? fallback?.[x.code] ?? x.code]);
  return Object.entries(fallback ?? {});
}

function refLabel(refKey, fallback, code) {
  const hit = app.ref?.[refKey]?.find?.(x => x.code === code);
  return L.label(fallback, code, hit?.label);
}

export const kindLabel = code => refLabel('kinds', L.KINDS, code);
export const statusLabel = code => refLabel('statuses', L.STATUSES, code);
export const channelLabel = code => refLabel('channels', L.CHANNELS, code);
export const relationLabel = code => refLabel('relations', L.RELATIONS, code);
export const deadlineLabel = code => refLabel('deadlineClasses', L.DEADLINES, code);

export function agencies() {
  return (app.ref?.agencies ?? []).filter(a => a.active !== false);
}

export function agencyOptions(empty = 'انتخاب دستگاه…') {
  return [['', empty], ...agencies().map(a => [a.id, a.name])];
}

export function pauseReasons() {
  const list = app.ref?.pauseReasons;
  if (Array.isArray(list) && list.length) return list.map(x => [x.code, x.label ?? x.code]);
  return L.PAUSE_REASONS.map(r => [r, r]);
}

export function notAMatterReasons() {
  const list = app.ref?.notAMatterReasons;
  if (Array.isArray(list) && list.length) return list.map(x => [x.code, x.label ?? x.code]);
  return [['SILENCE', 'سکوت / پیام خالی'], ['WRONG_NUMBER', 'شماره اشتباه'], ['TEST', 'تماس آزمایشی'],
    ['DUPLICATE', 'تکراری'], ['OTHER', 'سایر']];
}

/** Status badge class: open cases by stage, closed grey. */
export function statusClass(status) {
  return {CLOSED: '', ANSWERED: 'ok', REFERRED: 'info', REGISTERED: 'info', AWAITING_TRANSCRIPTION: 'warn',
    OBJECTION_1: 'warn', OBJECTION_2: 'bad', COMPLAINTS_BOARD: 'bad'}[status] ?? '';
}
