// Open cases due by the end of this (Saturday-first) week, and those already overdue.
import {api, errorText} from '../api.js';
import {agencyOptions} from '../app.js';
import {h, mount, select, field} from '../dom.js';
import {jLongDate, count} from '../fmt.js';
import {caseTable, dueClass} from './case-table.js';

export async function render(view) {
  const agency = select({name: 'agencyId', on: {change: () => load()}}, agencyOptions('همه دستگاه‌ها'));
  const summary = h('div', {class: 'row'});
  const list = h('div', {id: 'due-list'});
  mount(view, h('div', {class: 'row'}, h('h1', {class: 'grow'}, 'سررسید پاسخ در این هفته'), h('span', {class: 'muted'}, jLongDate(new Date()))),
    h('div', {class: 'card row'}, field('دستگاه اجرایی', agency), summary), h('div', {style: {marginTop: '10px'}}, list));

  async function load() {
    try {
      const r = await api.dueCases({agencyId: agency.value || undefined});
      const items = (r.items ?? []).slice().sort((a, b) => new Date(a.dueAt ?? 0) - new Date(b.dueAt ?? 0));
      const overdue = items.filter(c => dueClass(c) === 'overdue').length;
      mount(summary, h('span', {class: 'badge bad'}, `دیرکرد: ${count(overdue)}`), h('span', {class: 'badge warn'}, `تا پایان هفته: ${count(items.length - overdue)}`));
      mount(list, caseTable(items, {id: 'due-table'}));
      view.dataset.ready = 'true';
    } catch (e) { mount(list, h('div', {class: 'notice bad'}, errorText(e))); }
  }
  await load();
}
