// On the case page (issue 16): urgent (فوری) with its reason, and what the agency may see of the case.
import {errorText} from '../api.js';
import {agencyApi} from '../agency-api.js';
import {hasRole} from '../app.js';
import {h, mount, toast} from '../dom.js';

export function agencyPanel(caseId) {
  const el = h('div', {class: 'card', id: 'case-agency'});
  const load = async () => {
    let f;
    try { f = await agencyApi.flags(caseId); } catch (e) { mount(el, h('p', {class: 'muted'}, errorText(e))); return; }
    const run = fn => async e => { e.preventDefault(); try { await fn(e.target); toast('ثبت شد.', 'success'); await load(); } catch (err) { toast(errorText(err), 'error'); } };
    const sup = hasRole('supervisor');
    mount(el, h('h2', null, 'فوری و دسترسی دستگاه'),
      f.urgent ? h('form', {on: {submit: run(() => agencyApi.urgent(caseId, false))}}, h('span', {class: 'badge bad', id: 'urgent-flag'}, 'فوری: ' + (f.urgentReason ?? '')), ' ',
        h('button', {type: 'submit'}, 'لغو فوری'))
        : h('form', {id: 'urgent-form', class: 'row', on: {submit: run(x => agencyApi.urgent(caseId, true, x.reason.value))}},
          h('input', {name: 'reason', required: true, placeholder: 'دلیل فوری بودن', class: 'grow'}), h('button', {type: 'submit', class: 'danger'}, 'فوری')),
      sup ? h('form', {id: 'sharing-form', class: 'row', on: {submit: run(x => agencyApi.sharing(caseId, x.recordings.checked, x.nationalId.checked))}},
        h('label', null, h('input', {type: 'checkbox', name: 'recordings', checked: f.recordingsShared}), ' صدای پرونده را دستگاه بشنود'),
        h('label', null, h('input', {type: 'checkbox', name: 'nationalId', checked: f.nationalIdShared}), ' کد ملی برای رسیدگی لازم است'),
        h('button', {type: 'submit'}, 'ذخیره')) : null);
  };
  load();
  return el;
}
