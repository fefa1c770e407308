// Closing a voicemail as not a matter (issue 15): no reason is preselected, one must be chosen, and
// the close is confirmed first; an empty or silent message gets a one-action close (with the same
// confirmation) instead of a form.
import {h, select, toast} from '../dom.js';
import {notAMatterReasons} from '../app.js';
import {confirmDialog} from '../modal.js';
import {duration} from '../fmt.js';

export const SILENCE = 'SILENCE';
/** Below this peak (about −40 dBFS) the whole message counts as silent; shorter than MIN_SECONDS as empty. */
const SILENT_PEAK = 0.01;
const MIN_SECONDS = 0.5;

const reasonLabel = code => notAMatterReasons().find(([c]) => c === code)?.[1] ?? code;

/** Asks, then calls {@code close(reason, note)}. */
async function confirmed(reason, note, close, trackingCode) {
  const ok = await confirmDialog({
    id: 'nam-confirm', title: 'بستن پیام بدون ثبت پرونده',
    text: ['این پیام (کد رهگیری ', h('bdi', {class: 'ltr'}, trackingCode), ') بدون ثبت پرونده بسته می‌شود. دلیل: «',
      reasonLabel(reason), '». بستن برگشت‌پذیر نیست.'],
    ok: 'بله، بسته شود',
  });
  if (ok) await close(reason, note);
}

/** The «موضوعی نیست» box: reason (none preselected), optional note, the close button. */
export function notAMatterBox({close, trackingCode}) {
  const reasonSel = select({id: 'nam-reason', 'aria-label': 'دلیل بستن', required: true},
    [['', 'دلیل را انتخاب کنید…'], ...notAMatterReasons()], '');
  const note = h('input', {id: 'nam-note', placeholder: 'توضیح (اختیاری)', maxlength: 4000});
  const button = h('button', {type: 'button', class: 'danger', id: 'not-a-matter', on: {click: () => {
    if (!reasonSel.value) {
      toast('برای بستن پیام، دلیل را انتخاب کنید.', 'error');
      reasonSel.focus();
      return;
    }
    return confirmed(reasonSel.value, note.value || undefined, close, trackingCode);
  }}}, 'بستن پیام');
  return h('div', {style: {marginTop: '12px'}}, h('h2', null, 'موضوعی نیست'), h('div', {class: 'row'}, reasonSel, note, button));
}

/**
 * Watches the decoded message: when it is empty or silent, fills {@code box} with a notice and a
 * one-action close as «پیام خالی/بی‌صدا».
 */
export function silentNotice(player, box, {close, trackingCode, durationSeconds}) {
  const show = why => {
    box.hidden = false;
    box.replaceChildren(
      h('p', {style: {margin: '0 0 6px'}}, why),
      h('button', {type: 'button', class: 'danger', id: 'close-silent',
        on: {click: () => confirmed(SILENCE, undefined, close, trackingCode)}}, 'بستن: ', reasonLabel(SILENCE)));
  };
  if (!player) { show('این پیام صدایی ندارد.'); return; }
  if (durationSeconds != null && durationSeconds < MIN_SECONDS) { show(`این پیام خالی است (${duration(durationSeconds)}).`); return; }
  player.onDecoded(({peak, seconds}) => {
    if (seconds < MIN_SECONDS) show(`این پیام خالی است (${duration(seconds)}).`);
    else if (peak < SILENT_PEAK) show(`این پیام بی‌صداست: در ${duration(seconds)} صدایی شنیده نمی‌شود.`);
  });
}
