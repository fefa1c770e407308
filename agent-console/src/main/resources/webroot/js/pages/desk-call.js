// The operator's current call (issue 15): a timer from the screen-pop (the call is answered when it
// pops) to the hang-up, and the wrap-up code the operator picks once the call is over, stored with
// the call id (idempotent, like every write).
import {api, errorText, submission} from '../api.js';
import {h, mount, select, toast} from '../dom.js';
import {duration} from '../fmt.js';

export function callPanel() {
  let callId = null;
  let started = null;
  let ended = null;
  let codes = null;
  let chosen = null;
  let once = submission();
  const timer = h('bdi', {class: 'call-timer num', id: 'call-timer', dir: 'ltr', 'aria-live': 'off'});
  const idle = h('p', {class: 'muted', id: 'call-idle'}, 'تماسی در جریان نیست.');
  const timerRow = h('div', {class: 'row', id: 'call-timer-row', hidden: true}, h('span', null, 'مدت تماس:'), timer);
  const pick = h('div', {class: 'wrapup-pick', id: 'wrapup-pick', hidden: true});
  const el = h('div', {id: 'call-panel'}, idle, timerRow, pick);

  const tick = () => {
    if (!started) return;
    timer.textContent = duration(((ended ?? Date.now()) - started) / 1000);
  };
  const interval = setInterval(tick, 500);

  async function loadCodes() {
    if (codes) return codes;
    try { codes = (await api.wrapUpCodes())?.items ?? []; } catch (e) { codes = null; toast(errorText(e), 'error'); }
    return codes ?? [];
  }

  async function showPick() {
    if (!callId) return;
    const list = await loadCodes();
    const sel = select({id: 'wrapup-code', 'aria-label': 'کد پایان تماس'}, [['', 'کد پایان تماس را انتخاب کنید…'], ...list.map(c => [c.code, c.label])], chosen?.code);
    const save = h('button', {type: 'button', class: 'primary', id: 'wrapup-save', on: {click: async () => {
      if (!sel.value) { toast('کد پایان تماس را انتخاب کنید.', 'error'); sel.focus(); return; }
      save.disabled = true;
      try {
        chosen = await api.chooseWrapUp(callId, sel.value, once);
        showPick();
      } catch (e) { toast(errorText(e), 'error'); }
      finally { save.disabled = false; }
    }}}, chosen ? 'اصلاح کد' : 'ثبت کد پایان تماس');
    pick.hidden = false;
    mount(pick, h('h3', {style: {margin: 0}}, 'کد پایان تماس'),
      chosen ? h('p', {class: 'notice ok', id: 'wrapup-chosen', style: {margin: 0}}, 'ثبت شد: ', chosen.label) : null,
      h('div', {class: 'row'}, sel, save));
  }

  return {
    el,
    /** A call connected (its screen-pop arrived): the timer starts. */
    start(pop) {
      callId = pop?.callId ?? null;
      started = Date.now();
      ended = null;
      chosen = null;
      once = submission();
      timer.classList.remove('stopped');
      timerRow.hidden = false;
      idle.hidden = true;
      pick.hidden = true;
      tick();
    },
    /** The caller hung up (wrap-up began): the timer stops and the wrap-up code is asked for. */
    stop() {
      if (!started || ended) return;
      ended = Date.now();
      timer.classList.add('stopped');
      tick();
      showPick();
    },
    get running() { return !!started && !ended; },
    destroy() { clearInterval(interval); },
  };
}
