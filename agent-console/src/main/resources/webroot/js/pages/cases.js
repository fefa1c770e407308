// Case search: by tracking code, national ID, caller number, agency, kind, status and a Jalali date range.
// The filters live in the URL hash so a search can be bookmarked and the back button returns to it.
import {api, errorText} from '../api.js';
import {choices, agencyOptions} from '../app.js';
import {h, mount, select, field, formValues} from '../dom.js';
import {asciiDigits, jalaliToIso, isoToJalali} from '../fmt.js';
import {KINDS, STATUSES, CHANNELS} from '../labels.js';
import {caseTable} from './case-table.js';

export async function render(view, params) {
  const initial = Object.fromEntries(new URLSearchParams(params.join('/')));
  const input = (name, attrs = {}) => h('input', {name, value: initial[name] ?? '', ...attrs});
  const form = h('form', {id: 'search-form', class: 'card', autocomplete: 'off', on: {submit: e => { e.preventDefault(); search(0, true); }}},
    h('div', {class: 'filters'},
      field('کد رهگیری', input('trackingCode', {dir: 'ltr', inputmode: 'numeric', id: 'q-tracking'})),
      field('کد ملی صاحب موضوع', input('nationalId', {dir: 'ltr', inputmode: 'numeric', id: 'q-nid'})),
      field('شماره تماس‌گیرنده', input('callerNumber', {dir: 'ltr', inputmode: 'tel'})),
      field('دستگاه اجرایی', select({name: 'agencyId'}, agencyOptions('همه'), initial.agencyId)),
      field('نوع موضوع', select({name: 'kind'}, [['', 'همه'], ...choices('kinds', KINDS)], initial.kind)),
      field('وضعیت', select({name: 'status'}, [['', 'همه'], ...choices('statuses', STATUSES)], initial.status)),
      field('کانال', select({name: 'channel'}, [['', 'همه'], ...choices('channels', CHANNELS)], initial.channel)),
      field('از تاریخ', input('from', {placeholder: '۱۴۰۵/۰۱/۰۱', dir: 'ltr', value: initial.from ? isoToJalali(initial.from) : ''})),
      field('تا تاریخ', input('to', {placeholder: '۱۴۰۵/۱۲/۲۹', dir: 'ltr', value: initial.to ? isoToJalali(initial.to) : ''})),
      h('div', {class: 'row'},
        h('label', {class: 'row'}, h('input', {type: 'checkbox', name: 'overdue', checked: initial.overdue === 'true'}), 'فقط دیرکرد'),
        h('button', {type: 'submit', class: 'primary', id: 'search'}, 'جست‌وجو'))));
  const results = h('div', {id: 'results'});
  const more = h('div', {class: 'row', style: {marginTop: '8px'}});
  mount(view, h('h1', null, 'جست‌وجوی پرونده'), form, h('div', {style: {marginTop: '10px'}}, results, more));

  function filters() {
    const v = formValues(form);
    const out = {};
    for (const k of ['agencyId', 'kind', 'status', 'channel', 'callerNumber']) if (v[k]) out[k] = v[k];
    if (v.trackingCode) out.trackingCode = asciiDigits(v.trackingCode).replace(/[\s-]/g, '');
    if (v.nationalId) out.nationalId = asciiDigits(v.nationalId).trim();
    if (v.callerNumber) out.callerNumber = asciiDigits(v.callerNumber);
    for (const k of ['from', 'to']) {
      if (!v[k]) continue;
      const iso = jalaliToIso(v[k]);
      if (!iso) throw new Error(`تاریخ «${v[k]}» درست نیست؛ به شکل ۱۴۰۵/۰۹/۰۱ بنویسید.`);
      out[k] = iso;
    }
    if (v.overdue) out.overdue = 'true';
    return out;
  }

  async function search(page, push) {
    let f;
    try { f = filters(); } catch (e) { mount(results, h('div', {class: 'notice bad'}, e.message)); return; }
    if (push) history.replaceState(null, '', '#/cases/' + new URLSearchParams(f).toString());
    mount(results, h('p', {class: 'muted'}, 'در حال جست‌وجو…'));
    try {
      const r = await api.searchCases({...f, page, size: 25});
      mount(results, caseTable(r.items ?? [], {id: 'results-table'}));
      mount(more,
        page > 0 ? h('button', {type: 'button', on: {click: () => search(page - 1)}}, 'صفحه قبل') : null,
        r.hasMore ? h('button', {type: 'button', on: {click: () => search(page + 1)}}, 'صفحه بعد') : null);
      view.dataset.ready = 'true';
    } catch (e) {
      mount(results, h('div', {class: 'notice bad'}, errorText(e)));
    }
  }

  await search(0, false);
}
