// The supervisor's live queue: callers waiting with their wait, operators and their state, estimated
// wait and today's service level. Snapshots arrive over the WebSocket; waits tick locally in between.
import {api, errorText} from '../api.js';
import {h, mount} from '../dom.js';
import {duration, faDigits, num, jTime} from '../fmt.js';
import {OPERATOR_STATES} from '../labels.js';
import * as ws from '../ws.js';

const pct = v => (v == null ? '—' : faDigits(Math.round(v * 100)) + '٪');

export async function render(view) {
  let snap = null;
  let receivedAt = Date.now();
  const tiles = h('div', {class: 'tiles', id: 'queue-tiles'});
  const callers = h('tbody');
  const members = h('tbody');
  const status = h('div', {class: 'muted', id: 'queue-updated'});
  const abandonedBody = h('tbody');

  mount(view,
    h('div', {class: 'row'}, h('h1', {class: 'grow'}, 'صف زنده'), status),
    tiles,
    h('div', {class: 'grid2', style: {marginTop: '10px'}},
      h('section', {class: 'card'}, h('h2', null, 'تماس‌گیرندگان در انتظار'),
        h('div', {class: 'table-wrap'}, h('table', {id: 'queue-callers'},
          h('thead', null, h('tr', null, h('th', null, 'نوبت'), h('th', null, 'شماره'), h('th', null, 'کد ملی'), h('th', null, 'انتظار'))), callers))),
      h('section', {class: 'card'}, h('h2', null, 'کارشناسان'),
        h('div', {class: 'table-wrap'}, h('table', {id: 'queue-members'},
          h('thead', null, h('tr', null, h('th', null, 'کارشناس'), h('th', null, 'وضعیت'), h('th', null, 'مدت'), h('th', null, 'تماس‌های امروز'))), members))),
      h('section', {class: 'card span2'}, h('h2', null, 'تماس‌های رهاشده امروز'),
        h('div', {class: 'table-wrap', style: {maxHeight: '180px'}}, h('table', null,
          h('thead', null, h('tr', null, h('th', null, 'شماره'), h('th', null, 'زمان'), h('th', null, 'انتظار'), h('th', null, 'تماس دوباره'))), abandonedBody)))));

  const tile = (label, value, id) => h('div', {class: 'tile', id}, h('div', {class: 'v num'}, value), h('div', {class: 'l'}, label));

  function draw() {
    if (!snap || snap.known === false) {
      mount(tiles, h('div', {class: 'notice warn span3'}, 'وضعیت صف در دسترس نیست (ارتباط با مرکز تلفن برقرار نیست).'));
      mount(callers); mount(members);
      return;
    }
    const age = (Date.now() - receivedAt) / 1000;
    const today = snap.today ?? {};
    const list = snap.callers ?? [];
    mount(tiles,
      tile('در انتظار', num(list.length), 'tile-waiting'),
      tile('بیشترین انتظار', duration(list.length ? Math.max(...list.map(c => (c.waitSeconds ?? 0))) + age : 0)),
      tile('انتظار تخمینی', duration(snap.estimatedWaitSeconds)),
      tile('سطح خدمت امروز', pct(snap.serviceLevel ?? today.serviceLevel), 'tile-sl'),
      tile('عرضه‌شده امروز', num(today.offered)),
      tile('پاسخ‌داده', num(today.answered)),
      tile('رهاشده', num(today.abandoned)),
      tile('هدایت به پیام', num(today.diverted)));
    mount(callers, list.length ? list.map(c => h('tr', null,
      h('td', {class: 'num'}, num(c.position)),
      h('td', {class: 'ltr'}, faDigits(c.callerNumber ?? '—')),
      h('td', {class: 'ltr'}, faDigits(c.nationalIdMasked ?? '—')),
      h('td', {class: 'num'}, duration((c.waitSeconds ?? 0) + age))))
      : h('tr', null, h('td', {colspan: 4, class: 'muted'}, 'کسی در صف نیست.')));
    const ms = snap.members ?? [];
    mount(members, ms.length ? ms.map(m => h('tr', null,
      h('td', null, m.name ?? m.username ?? m.operator),
      h('td', null, h('span', {class: ['badge', {READY: 'ok', PAUSED: 'warn', ON_CALL: 'info', WRAP_UP: 'warn'}[m.state] ?? '']},
        OPERATOR_STATES[m.state] ?? m.state), m.reason ? ' ' + m.reason : ''),
      h('td', {class: 'num'}, m.sinceSeconds != null ? duration(m.sinceSeconds + age) : '—'),
      h('td', {class: 'num'}, num(m.callsTaken))))
      : h('tr', null, h('td', {colspan: 4, class: 'muted'}, 'کارشناسی در صف نیست.')));
    status.textContent = 'به‌روز: ' + jTime(snap.at ?? receivedAt);
  }

  function update(s) { snap = s; receivedAt = Date.now(); draw(); }

  async function loadAbandoned() {
    try {
      const r = await api.abandoned({pending: false});
      const items = r?.items ?? [];
      mount(abandonedBody, items.length ? items.map(a => h('tr', null,
        h('td', {class: 'ltr'}, faDigits(a.callerNumber ?? '—')), h('td', {class: 'num'}, jTime(a.at)),
        h('td', {class: 'num'}, duration(a.waitSeconds)),
        h('td', null, a.calledBackAt ? `${jTime(a.calledBackAt)} — ${a.calledBackBy ?? ''}` : h('span', {class: 'badge warn'}, 'هنوز نه'))))
        : h('tr', null, h('td', {colspan: 4, class: 'muted'}, 'موردی نیست.')));
    } catch { /* the live part still works */ }
  }

  const off = [ws.onMessage('queue-state', update), ws.onMessage('queue-abandoned', loadAbandoned)];
  const tick = setInterval(draw, 1000);
  try { update(await api.queue()); } catch (e) { mount(tiles, h('div', {class: 'notice bad'}, errorText(e))); }
  await loadAbandoned();
  view.dataset.ready = 'true';
  return () => { off.forEach(f => f()); clearInterval(tick); };
}
