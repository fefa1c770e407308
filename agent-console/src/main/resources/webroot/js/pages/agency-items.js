// The issue-16 work lists (agency inbox, digest, oversight, agenda): urgent rows first and marked, overdue red,
// the deadline class and the days left as the server says them (Jalali, Persian digits).
import {h} from '../dom.js';
import {trackingCode} from '../fmt.js';

export function itemTable(items, {id, href, extra} = {}) {
  if (!items.length) return h('p', {class: 'notice'}, 'موردی نیست.');
  const heads = ['کد رهگیری', 'خلاصه', 'وضعیت', 'دستگاه', 'طبقهٔ مهلت', 'مهلت پاسخ', 'مانده', ...(extra?.heads ?? [])];
  return h('div', {class: 'table-wrap'}, h('table', {id},
    h('thead', null, h('tr', null, heads.map(t => h('th', null, t)))),
    h('tbody', null, items.map(c => h('tr', {class: [href ? 'clickable' : null, c.overdue ? 'overdue' : null, c.urgent ? 'urgent' : null],
      dataset: {caseId: c.id, code: c.trackingCode}, on: href ? {click: () => { location.hash = href(c); }} : null},
      h('td', null, href ? h('a', {href: href(c), class: 'ltr'}, c.trackingCodePersian ?? trackingCode(c.trackingCode))
        : h('span', {class: 'ltr'}, c.trackingCodePersian ?? trackingCode(c.trackingCode)),
        c.urgent ? h('span', {class: 'badge bad', style: {marginInlineStart: '4px'}, title: c.urgentReason ?? ''}, 'فوری') : null),
      h('td', null, c.summary ?? ''),
      h('td', null, h('span', {class: 'badge'}, c.statusLabel ?? c.status)),
      h('td', null, c.agencyName ?? '—'),
      h('td', null, c.deadlineClassLabel ?? '—'),
      h('td', {class: 'num'}, c.complyByJalali ? `اجرای رأی تا ${c.complyByJalali}` : (c.dueJalali ?? '—')),
      h('td', null, c.overdue ? h('span', {class: 'badge bad'}, c.daysLeftLabel ?? 'دیرکرد') : (c.daysLeftLabel ?? '—')),
      ...(extra?.cells?.(c) ?? []))))));
}
