// The agency desk (issue 16): the liaison's inbox, and one case with what the agency may do on it.
import {errorText} from '../api.js';
import {agencyApi} from '../agency-api.js';
import {h, mount, select, field, toast} from '../dom.js';
import {faDigits, num} from '../fmt.js';
import {itemTable} from './agency-items.js';

const LONGER = [['CORRESPONDENCE', 'نیازمند مکاتبه — ۱۵ روز'], ['INSPECTION', 'نیازمند بازرسی — ۲۵ روز'],
  ['CORRESPONDENCE_AND_INSPECTION', 'مکاتبه و بازرسی — ۳۵ روز']];

export async function render(view, params) {
  if (params?.[0]) return renderCase(view, params[0]);
  const r = await agencyApi.inbox();
  const items = r.items ?? [];
  const overdue = items.filter(i => i.overdue).length;
  mount(view, h('div', {class: 'row'}, h('h1', {class: 'grow'}, `کارتابل دستگاه: ${r.agency?.name ?? ''}`),
    h('span', {class: 'badge bad'}, `دیرکرد: ${num(overdue)}`), h('span', {class: 'badge info'}, `در انتظار پاسخ: ${num(items.length)}`)),
  h('p', {class: 'muted'}, 'فوری‌ها نخست، سپس دیرکردها، سپس به ترتیب مهلت پاسخ.'),
  itemTable(items, {id: 'agency-inbox', href: c => '#/agency/' + c.id}));
  view.dataset.ready = 'true';
}

async function renderCase(view, caseId) {
  let c;
  try { c = await agencyApi.agencyCase(caseId); } catch (e) { mount(view, h('div', {class: 'notice bad'}, errorText(e))); view.dataset.ready = 'true'; return; }
  const can = a => (c.allowedActions ?? []).includes(a);
  const reload = () => renderCase(view, caseId);
  const act = fn => async e => {
    e.preventDefault();
    const b = e.submitter ?? e.target.querySelector('button');
    if (b) b.disabled = true;
    try { await fn(e.target); toast('ثبت شد.', 'success'); await reload(); } catch (err) { toast(errorText(err), 'error'); if (b) b.disabled = false; }
  };
  const subject = c.subject ?? {};
  mount(view,
    h('div', {class: 'row'}, h('a', {href: '#/agency'}, '→ کارتابل'), h('h1', {class: 'grow'}, 'پرونده ', h('span', {class: 'ltr'}, c.trackingCodePersian)),
      c.urgent ? h('span', {class: 'badge bad', id: 'urgent-badge'}, 'فوری: ' + (c.urgentReason ?? '')) : null),
    h('div', {class: 'card', id: 'agency-case'},
      h('p', null, h('strong', null, c.summary ?? '')),
      c.description ? h('p', null, c.description) : null,
      h('p', null, 'نوع: ', c.kindLabel ?? '—', ' — وضعیت: ', h('span', {class: 'badge'}, c.statusLabel), ' — طبقهٔ مهلت: ', c.deadlineClassLabel ?? '—'),
      h('p', {id: 'due-line'}, 'مهلت پاسخ: ', c.dueJalali ?? '—', ' (', c.overdue ? h('span', {class: 'badge bad'}, c.daysLeftLabel) : c.daysLeftLabel ?? '—', ')',
        c.complyByJalali ? h('span', null, ' — مهلت اجرای رأی هیأت: ', c.complyByJalali) : null),
      h('p', null, 'صاحب موضوع: ', subject.fullName ?? '—',
        subject.nationalId ? h('span', {id: 'national-id'}, ' — کد ملی: ', h('bdi', {class: 'ltr'}, faDigits(subject.nationalId)))
          : h('span', {class: 'muted'}, ' — کد ملی با دستگاه به اشتراک گذاشته نشده است'))),
    c.recordingsShared && c.recordings?.length ? h('div', {class: 'card', id: 'agency-recordings'}, h('h2', null, 'صدای پیام'),
      c.recordings.map(r => h('audio', {controls: true, preload: 'none', src: `/api/agency/cases/${c.id}/recordings/${r.id}/audio`})))
      : h('p', {class: 'muted', id: 'no-recordings'}, 'صدای این پرونده با دستگاه به اشتراک گذاشته نشده است.'),
    c.attachments?.length ? h('div', {class: 'card'}, h('h2', null, 'پیوست‌ها'), h('ul', {id: 'attachments'}, c.attachments.map(a =>
      h('li', null, h('a', {href: `/api/agency/cases/${c.id}/attachments/${a.id}`, download: a.fileName}, a.fileName), ` (${num(Math.ceil(a.sizeBytes / 1024))} کیلوبایت)`)))) : null,
    can('answer') ? answerForm(c, act) : null,
    can('extension') ? h('form', {class: 'card', id: 'extension-form', on: {submit: act(f => agencyApi.extension(c.id, f.deadlineClass.value, f.reason.value))}},
      h('h2', null, 'درخواست مهلت بیشتر'), field('طبقهٔ مهلت', select({name: 'deadlineClass'}, LONGER)),
      field('دلیل', h('textarea', {name: 'reason', required: true, rows: 2})), h('button', {type: 'submit'}, 'فرستادن به سرپرست')) : null,
    (c.extensions ?? []).some(e => !e.decision) ? h('p', {class: 'notice warn'}, 'درخواست مهلت بیشتر در انتظار تصمیم سرپرست است.') : null,
    can('not-ours') ? h('form', {class: 'card', id: 'not-ours-form', on: {submit: act(async f => { await agencyApi.notOurs(c.id, f.reason.value); location.hash = '#/agency'; })}},
      h('h2', null, 'مربوط به این دستگاه نیست'), field('دلیل', h('textarea', {name: 'reason', required: true, rows: 2})),
      h('button', {type: 'submit', class: 'danger'}, 'بازگرداندن به سرپرست')) : null,
    can('complied') ? h('form', {class: 'card', id: 'complied-form', on: {submit: act(f => agencyApi.complied(c.id, f.note.value))}},
      h('h2', null, 'اجرای رأی هیأت'), field('توضیح', h('textarea', {name: 'note', rows: 2})), h('button', {type: 'submit'}, 'رأی اجرا شد')) : null,
    h('div', {class: 'card'}, h('h2', null, 'گردش کار'), h('ol', {id: 'agency-timeline'}, (c.timeline ?? []).map(t => h('li', null, faDigits(t.atJalali ?? ''), ' — ', t.typeLabel)))));
  view.dataset.ready = 'true';
}

function answerForm(c, act) {
  const files = h('input', {type: 'file', name: 'files', multiple: true, accept: 'application/pdf,image/png,image/jpeg,audio/wav,audio/mpeg,audio/ogg'});
  return h('form', {class: 'card', id: 'answer-form', on: {submit: act(async f => {
    const ids = [];
    for (const file of files.files) ids.push((await agencyApi.upload(c.id, file)).id);
    await agencyApi.answer(c.id, f.text.value, ids);
  })}},
  h('h2', null, 'پاسخ دستگاه'), field('متن پاسخ', h('textarea', {name: 'text', required: true, rows: 4})),
  field('پیوست (PDF، تصویر یا صدا)', files), h('button', {type: 'submit', class: 'primary'}, 'ثبت پاسخ'));
}
