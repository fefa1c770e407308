// The complaints board (issue 16): the sessions (every two weeks, holidays skipped), the agenda of one,
// attendance and the verdict, moving a session, and the printable agenda.
import {errorText} from '../api.js';
import {agencyApi} from '../agency-api.js';
import {h, mount, field, toast} from '../dom.js';
import {num, trackingCode} from '../fmt.js';

export async function render(view, params) {
  const r = await agencyApi.sessions();
  const chosen = params?.[0] ?? r.next?.id;
  const list = h('ul', {id: 'board-sessions'}, (r.items ?? []).map(s => h('li', null,
    h('a', {href: '#/board/' + s.id, class: String(s.id) === String(chosen) ? 'active' : null},
      `${s.weekday} ${s.sitsAtJalali}، ساعت ${s.time}`), ` — ${num(s.agendaSize)} پرونده`,
    s.moved ? h('span', {class: 'badge warn', style: {marginInlineStart: '4px'}, title: s.movedReason}, 'جابه‌جا شده') : null)));
  const agenda = h('div', {id: 'board-agenda'});
  mount(view, h('h1', null, 'هیأت رسیدگی به شکایات'), h('div', {class: 'card'}, h('h2', null, 'جلسه‌ها'), list), agenda);
  if (chosen) await showSession(agenda, chosen);
  view.dataset.ready = 'true';
}

async function showSession(el, sessionId) {
  let s;
  try { s = await agencyApi.session(sessionId); } catch (e) { mount(el, h('div', {class: 'notice bad'}, errorText(e))); return; }
  const again = () => showSession(el, sessionId);
  const act = fn => async e => {
    e.preventDefault();
    try { await fn(e.target); toast('ثبت شد.', 'success'); await again(); } catch (err) { toast(errorText(err), 'error'); }
  };
  mount(el, h('div', {class: 'card'},
    h('div', {class: 'row'}, h('h2', {class: 'grow'}, `دستور جلسهٔ ${s.weekday} ${s.sitsAtJalali}، ساعت ${s.time}`),
      h('a', {href: `/api/board/sessions/${s.id}/agenda.html`, target: '_blank', rel: 'noopener', id: 'print-agenda', class: 'button'}, 'نسخهٔ چاپی')),
    s.movedReason ? h('p', {class: 'notice warn'}, 'جابه‌جا شده: ', s.movedReason) : null,
    s.agenda?.length ? h('div', {class: 'table-wrap'}, h('table', {id: 'agenda-table'},
      h('thead', null, h('tr', null, ['کد رهگیری', 'شاکی', 'دستگاه', 'موضوع', 'حضور', 'رأی'].map(t => h('th', null, t)))),
      h('tbody', null, s.agenda.map(c => h('tr', {class: c.urgent ? 'urgent' : null, dataset: {caseId: c.id}},
        h('td', null, h('span', {class: 'ltr'}, c.trackingCodePersian ?? trackingCode(c.trackingCode)), c.urgent ? h('span', {class: 'badge bad'}, 'فوری') : null),
        h('td', null, c.subjectName ?? '—'), h('td', null, c.agencyName ?? '—'), h('td', null, c.summary ?? ''),
        h('td', null, c.attended === true ? 'حاضر' : c.attended === false ? 'غایب' : [
          h('button', {type: 'button', class: 'attend', on: {click: () => act(() => agencyApi.attendance(s.id, c.id, true))(new Event('submit'))}}, 'حاضر'),
          h('button', {type: 'button', on: {click: () => act(() => agencyApi.attendance(s.id, c.id, false))(new Event('submit'))}}, 'غایب')]),
        h('td', null, c.verdict ? [c.verdict, h('br'), `مهلت اجرا: ${c.complyByJalali}`, c.complied ? h('span', {class: 'badge ok'}, 'اجرا شد') : null]
          : h('form', {class: 'verdict-form', on: {submit: act(f => agencyApi.verdict(s.id, c.id, f.text.value, Number(f.days.value)))}},
            h('textarea', {name: 'text', required: true, rows: 2, placeholder: 'متن رأی'}),
            h('input', {name: 'days', type: 'number', min: 1, max: 365, value: 15, required: true, title: 'مهلت اجرا (روز)'}),
            h('button', {type: 'submit', class: 'primary'}, 'ثبت رأی')))))))) : h('p', {class: 'notice'}, 'پرونده‌ای در دستور این جلسه نیست.'),
    h('form', {id: 'move-form', class: 'row', on: {submit: act(f => agencyApi.move(s.id, f.date.value, f.time.value, f.reason.value))}},
      field('تاریخ تازه', h('input', {name: 'date', required: true, placeholder: '۱۴۰۵/۰۱/۲۰'})),
      field('ساعت', h('input', {name: 'time', required: true, placeholder: '۱۰:۰۰'})),
      field('دلیل جابه‌جایی', h('input', {name: 'reason', required: true})), h('button', {type: 'submit'}, 'جابه‌جایی جلسه'))));
}
