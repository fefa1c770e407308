// The supervisors' side of the agency desk (issue 16): the daily digest per agency, cases sent back,
// overdue cases escalated, urgent cases (CSV for the presidency's office), requests for a longer deadline.
import {errorText} from '../api.js';
import {agencyApi} from '../agency-api.js';
import {h, mount, toast} from '../dom.js';
import {num, faDigits} from '../fmt.js';
import {itemTable} from './agency-items.js';

export async function render(view) {
  const [o, d, rep] = await Promise.all([agencyApi.oversight(), agencyApi.digest(3), agencyApi.agencyReport()]);
  const decide = (id, approve) => async () => {
    try { await agencyApi.decide(id, approve); toast('ثبت شد.', 'success'); await render(view); } catch (e) { toast(errorText(e), 'error'); }
  };
  const toCase = c => '#/case/' + c.id;
  mount(view, h('div', {class: 'row'}, h('h1', {class: 'grow'}, 'دستگاه‌های اجرایی'),
    h('a', {href: '/api/oversight/urgent.csv', id: 'urgent-csv', class: 'button', download: 'urgent.csv'}, 'گزارش فوری‌ها برای دفتر ریاست (CSV)')),
  h('div', {class: 'card', id: 'digest'}, h('h2', null, `خلاصهٔ روز ${d.date}: سررسید تا ${num(d.days)} روز آینده و دیرکردها`),
    (d.agencies ?? []).length ? d.agencies.map(a => h('details', {open: a.overdueCount > 0},
      h('summary', null, a.agencyName ?? '—', ' ', h('span', {class: 'badge bad'}, `دیرکرد: ${num(a.overdueCount)}`), ' ',
        h('span', {class: 'badge warn'}, `سررسید: ${num(a.dueCount)}`)),
      itemTable([...a.overdue, ...a.due], {href: toCase}))) : h('p', {class: 'notice'}, 'امروز موردی نیست.')),
  h('div', {class: 'card'}, h('h2', null, 'درخواست‌های مهلت بیشتر'), (o.extensions ?? []).length ? h('ul', {id: 'extensions'}, o.extensions.map(e => h('li', null,
    h('span', {class: 'ltr'}, e.trackingCode), ` — ${e.agencyName}: ${e.fromLabel} ← ${e.requestedLabel} — ${e.reason} `,
    h('button', {type: 'button', class: 'primary', on: {click: decide(e.id, true)}}, 'موافقت'),
    h('button', {type: 'button', on: {click: decide(e.id, false)}}, 'مخالفت')))) : h('p', {class: 'muted'}, 'درخواستی نیست.')),
  h('div', {class: 'card'}, h('h2', null, 'بازگشتی از دستگاه‌ها (نیاز به ارجاع دوباره)'), itemTable(o.returned ?? [], {id: 'returned', href: toCase})),
  h('div', {class: 'card'}, h('h2', null, 'دیرکرد دستگاه‌ها (ارجاع به سرپرست)'), itemTable(o.escalated ?? [], {id: 'escalated', href: toCase})),
  h('div', {class: 'card'}, h('h2', null, 'فوری‌ها'), itemTable(o.urgent ?? [], {id: 'urgent', href: toCase})),
  h('div', {class: 'card'}, h('div', {class: 'row'}, h('h2', {class: 'grow'}, 'کارنامهٔ ماهانهٔ دستگاه‌ها (از آغاز امسال)'),
    h('a', {href: '/api/oversight/agency-report?format=csv', id: 'agency-report-csv', class: 'button', download: 'agencies.csv'}, 'CSV')),
  (rep.items ?? []).length ? h('div', {class: 'table-wrap'}, h('table', {id: 'agency-report'},
    h('thead', null, h('tr', null, (rep.columns ?? []).map(col => h('th', null, col.label)))),
    h('tbody', null, rep.items.map(r => h('tr', null, (rep.columns ?? []).map(col => h('td', null,
      typeof r[col.key] === 'number' ? num(r[col.key]) : faDigits(r[col.key] ?? '—')))))))) : h('p', {class: 'muted'}, 'داده‌ای نیست.')));
  view.dataset.ready = 'true';
}
