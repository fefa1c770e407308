// The list of cases shared by search and the due list: overdue rows red, due within three days amber.
import {h} from '../dom.js';
import {jDate, jDateTime, faDigits, trackingCode} from '../fmt.js';
import {kindLabel, statusLabel, statusClass, channelLabel} from '../app.js';

// Whether an answer is awaited and overdue is the server's (core's CaseRules): expectedAnswerAt and overdue.
export function dueClass(c) {
  if (!c.expectedAnswerAt) return null;
  if (c.overdue) return 'overdue';
  if (new Date(c.expectedAnswerAt) - Date.now() < 3 * 86400000) return 'due-soon';
  return null;
}

export function caseTable(items, attrs = {}) {
  if (!items.length) return h('p', {class: 'notice'}, 'پرونده‌ای پیدا نشد.');
  return h('div', {class: 'table-wrap'}, h('table', attrs,
    h('thead', null, h('tr', null, ['کد رهگیری', 'نوع', 'کانال', 'وضعیت', 'دستگاه', 'صاحب موضوع', 'خلاصه', 'ثبت', 'مهلت پاسخ'].map(t => h('th', null, t)))),
    h('tbody', null, items.map(c => h('tr', {class: ['clickable', dueClass(c)], dataset: {caseId: c.id, code: c.trackingCode},
      on: {click: () => { location.hash = '#/case/' + c.id; }}},
      h('td', null, h('a', {href: '#/case/' + c.id, class: 'ltr'}, c.trackingCodePersian ?? trackingCode(c.trackingCode))),
      h('td', null, kindLabel(c.kind)),
      h('td', null, channelLabel(c.channel)),
      h('td', null, h('span', {class: ['badge', statusClass(c.status)]}, statusLabel(c.status))),
      h('td', null, c.agencyName ?? '—'),
      h('td', {class: 'ltr'}, faDigits(c.subject?.nationalIdMasked ?? c.subject?.nationalId ?? '—')),
      h('td', null, c.summary ?? ''),
      h('td', {class: 'num'}, jDateTime(c.registeredAt)),
      h('td', {class: 'num'}, jDate(c.dueAt), c.overdue ? h('span', {class: 'badge bad', style: {marginInlineStart: '4px'}}, 'دیرکرد') : null))))));
}
