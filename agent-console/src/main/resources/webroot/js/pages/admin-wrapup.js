// Administration of the wrap-up codes (issue 15): add, rename, retire (and bring back). Codes are never
// deleted, so the calls that carry one keep it in the reports.
import {api, errorText, submission} from '../api.js';
import {h, mount, field, toast, formValues} from '../dom.js';

export async function wrapUpCodes(body) {
  const list = (await api.allWrapUpCodes())?.items ?? [];
  const once = submission();
  const reload = () => wrapUpCodes(body).catch(e => toast(errorText(e), 'error'));
  const add = h('form', {class: 'card', id: 'new-wrapup', autocomplete: 'off', on: {submit: async e => {
    e.preventDefault();
    const v = formValues(add);
    try {
      await api.addWrapUpCode(v.code, v.label, once);
      toast('کد پایان تماس افزوده شد.', 'ok');
      reload();
    } catch (err) { toast(errorText(err), 'error'); }
  }}},
  h('h2', null, 'کد پایان تماس تازه'),
  h('div', {class: 'grid3'},
    field('کد (لاتین، ثابت)', h('input', {name: 'code', required: true, dir: 'ltr', pattern: '[A-Za-z][A-Za-z0-9_]{1,31}', placeholder: 'COMPLAINT_INFO'})),
    field('عنوان', h('input', {name: 'label', required: true, maxlength: 100}))),
  h('button', {type: 'submit', class: 'primary', id: 'wrapup-add'}, 'افزودن'));

  const rows = list.map(c => {
    const label = h('input', {name: 'label', value: c.label, maxlength: 100});
    const change = async patch => {
      try { await api.updateWrapUpCode(c.code, patch); toast('ذخیره شد.', 'ok'); reload(); }
      catch (err) { toast(errorText(err), 'error'); }
    };
    return h('tr', {dataset: {code: c.code}, class: c.active ? null : 'muted'},
      h('td', null, h('bdi', {class: 'ltr'}, c.code)),
      h('td', null, label),
      h('td', null, h('span', {class: ['badge', c.active ? 'ok' : '']}, c.active ? 'فعال' : 'بازنشسته')),
      h('td', null, h('div', {class: 'row'},
        h('button', {type: 'button', class: 'rename', on: {click: () => change({label: label.value})}}, 'تغییر نام'),
        h('button', {type: 'button', class: c.active ? 'retire danger' : 'restore',
          on: {click: () => change({active: !c.active})}}, c.active ? 'بازنشسته شود' : 'بازگردانده شود'))));
  });
  mount(body, add, h('div', {class: 'table-wrap'}, h('table', {id: 'wrapup-table'},
    h('thead', null, h('tr', null, ['کد', 'عنوان', 'وضعیت', ''].map(t => h('th', null, t)))),
    h('tbody', null, rows))));
}
