// The supervisor's wrap-up report (issue 15): calls per wrap-up code in a Jalali date range, with CSV.
import {api, errorText} from '../api.js';
import {h, mount, field, toast} from '../dom.js';
import {num, jalaliToIso, isoToJalali, todayIso} from '../fmt.js';

export async function render(view) {
  const from = h('input', {id: 'w-from', dir: 'ltr', value: isoToJalali(todayIso(-6))});
  const to = h('input', {id: 'w-to', dir: 'ltr', value: isoToJalali(todayIso())});
  const csv = h('a', {id: 'wrapup-csv', class: 'button', download: ''}, 'دریافت CSV');
  const table = h('div', {class: 'table-wrap', id: 'wrapup-report'});
  const show = h('button', {type: 'button', class: 'primary', on: {click: () => load()}}, 'نمایش');
  mount(view, h('div', {class: 'row'}, h('h1', {class: 'grow'}, 'گزارش کدهای پایان تماس'),
    field('از تاریخ', from), field('تا تاریخ', to), show, csv), h('section', {class: 'card'}, table));

  async function load() {
    view.dataset.ready = 'false';
    const f = jalaliToIso(from.value), t = jalaliToIso(to.value);
    if (!f || !t) { toast('تاریخ را به شکل ۱۴۰۵/۰۱/۰۱ بنویسید.', 'error'); return; }
    csv.href = api.wrapUpCsvUrl(f, t);
    try {
      const r = await api.wrapUpReport(f, t);
      mount(table, h('table', null,
        h('thead', null, h('tr', null, h('th', null, 'کد پایان تماس'), h('th', null, 'تعداد تماس'))),
        h('tbody', null, (r.rows ?? []).map(x => h('tr', {dataset: {code: x.code}},
          h('td', null, x.label, x.active ? null : h('span', {class: 'muted'}, ' (بازنشسته)')),
          h('td', {class: 'num'}, num(x.calls))))),
        h('tfoot', null, h('tr', null, h('th', null, 'جمع'), h('th', {class: 'num', id: 'wrapup-total'}, num(r.total ?? 0))))));
    } catch (e) { mount(table, h('div', {class: 'notice bad'}, errorText(e))); }
    view.dataset.ready = 'true';
  }
  await load();
}
