// Administration: users and roles, agencies, office hours, holidays (entered per Jalali date, since lunar
// holidays move every year), the duplicate window and queue thresholds, and the audit log.
import {api, errorText} from '../api.js';
import {h, mount, field, toast, formValues} from '../dom.js';
import {jDateTime, jLongDate, faDigits, jalaliParts, jalaliToIso, num, asciiDigits} from '../fmt.js';
import {ROLES} from '../labels.js';
import {wrapUpCodes} from './admin-wrapup.js';
import {agencyOptions} from '../app.js';
import {select} from '../dom.js';

const TABS = [['users', 'کاربران و نقش‌ها'], ['agencies', 'دستگاه‌های اجرایی'], ['hours', 'ساعات کاری'],
  ['holidays', 'تعطیلات'], ['settings', 'تکراری و صف'], ['wrapup', 'کدهای پایان تماس'], ['audit', 'گزارش دسترسی‌ها']];
const ROLE_CODES = ['operator', 'transcriber', 'supervisor', 'admin', 'liaison'];
const DAYS = [['SATURDAY', 'شنبه'], ['SUNDAY', 'یکشنبه'], ['MONDAY', 'دوشنبه'], ['TUESDAY', 'سه‌شنبه'],
  ['WEDNESDAY', 'چهارشنبه'], ['THURSDAY', 'پنجشنبه'], ['FRIDAY', 'جمعه']];

export async function render(view, params) {
  let tab = TABS.some(([t]) => t === params[0]) ? params[0] : 'users';
  const tabs = h('div', {class: 'tabs', id: 'admin-tabs'});
  const body = h('div', {id: 'admin-body'});
  mount(view, h('h1', null, 'مدیریت سامانه'), tabs, body);

  function drawTabs() {
    mount(tabs, TABS.map(([t, label]) => h('button', {type: 'button', class: t === tab ? 'on' : null, dataset: {tab: t},
      on: {click: () => { tab = t; history.replaceState(null, '', '#/admin/' + t); drawTabs(); load(); }}}, label)));
  }

  const guard = fn => async (...args) => { try { await fn(...args); } catch (e) { toast(errorText(e), 'error'); } };
  const roleBoxes = (selected = []) => h('div', {class: 'row'}, ROLE_CODES.map(r =>
    h('label', {class: 'row'}, h('input', {type: 'checkbox', name: 'role-' + r, checked: selected.includes(r)}), ROLES[r.toUpperCase()])));
  const rolesOf = form => ROLE_CODES.filter(r => form.elements['role-' + r].checked);

  async function users() {
    const list = (await api.users()).items ?? [];
    const add = h('form', {class: 'card', id: 'new-user', autocomplete: 'off', on: {submit: guard(async e => {
      e.preventDefault();
      const v = formValues(add);
      await api.createUser({username: v.username, fullName: v.fullName, password: v.password, device: v.device, enabled: true, roles: rolesOf(add),
        agencyId: v.agencyId ? Number(v.agencyId) : undefined});
      toast('کاربر افزوده شد.', 'ok');
      load();
    })}},
    h('h2', null, 'کاربر تازه'),
    h('div', {class: 'grid3'},
      field('نام کاربری (لاتین)', h('input', {name: 'username', required: true, dir: 'ltr', pattern: '[a-z][a-z0-9._\\-]{1,31}'})),
      field('نام و نام خانوادگی', h('input', {name: 'fullName', maxlength: 100})),
      field('گذرواژه (دست‌کم ۱۰ نویسه)', h('input', {name: 'password', type: 'password', required: true, minlength: 10, dir: 'ltr', autocomplete: 'new-password'})),
      field('تلفن کارشناس', h('input', {name: 'device', dir: 'ltr', placeholder: 'PJSIP/op1'})),
      field('دستگاه (برای کارشناس دستگاه)', select({name: 'agencyId', id: 'new-user-agency'}, agencyOptions('—'))),
      h('div', {class: 'span2'}, field('نقش‌ها', roleBoxes()))),
    h('button', {type: 'submit', class: 'primary'}, 'افزودن'));
    const rows = list.map(u => {
      const pw = h('input', {type: 'password', placeholder: 'گذرواژه تازه', minlength: 10, dir: 'ltr', autocomplete: 'new-password', size: 12});
      return h('tr', {dataset: {username: u.username}},
        h('td', {class: 'ltr'}, u.username),
        h('td', null, h('input', {name: 'fullName', value: u.fullName ?? '', maxlength: 100})),
        h('td', null, h('input', {name: 'device', value: u.device ?? '', dir: 'ltr', size: 10})),
        h('td', null, roleBoxes(u.roles), select({name: 'agencyId'}, agencyOptions('—'), u.agencyId)),
        h('td', null, h('label', {class: 'row'}, h('input', {type: 'checkbox', name: 'enabled', checked: u.enabled}), 'فعال')),
        h('td', null, h('div', {class: 'row'},
          h('button', {type: 'button', on: {click: e => saveRow(e, u)}}, 'ذخیره'),
          pw, h('button', {type: 'button', on: {click: guard(async () => {
            await api.setPassword(u.username, pw.value); pw.value = ''; toast('گذرواژه عوض شد.', 'ok'); })}}, 'تغییر گذرواژه'))));
    });
    const saveRow = guard(async (e, u) => {
      const tr = e.target.closest('tr');
      const q = n => tr.querySelector(`[name="${n}"]`);
      await api.updateUser(u.username, {username: u.username, fullName: q('fullName').value.trim(), device: q('device').value.trim() || undefined,
        enabled: q('enabled').checked, roles: ROLE_CODES.filter(r => q('role-' + r).checked),
        agencyId: q('agencyId').value ? Number(q('agencyId').value) : undefined});
      toast('ذخیره شد.', 'ok');
    });
    mount(body, add, h('div', {class: 'table-wrap', style: {marginTop: '10px'}}, h('table', {id: 'users-table'},
      h('thead', null, h('tr', null, ['نام کاربری', 'نام', 'تلفن', 'نقش‌ها', 'وضعیت', ''].map(t => h('th', null, t)))),
      h('tbody', null, rows))));
  }

  async function agencies() {
    const list = (await api.agencies()).items ?? [];
    const name = h('input', {required: true, maxlength: 200, placeholder: 'نام دستگاه'});
    mount(body,
      h('form', {class: 'card row', on: {submit: guard(async e => { e.preventDefault(); await api.addAgency(name.value.trim()); toast('افزوده شد.', 'ok'); load(); })}},
        field('دستگاه تازه', name), h('button', {type: 'submit', class: 'primary'}, 'افزودن')),
      h('div', {class: 'table-wrap', style: {marginTop: '10px'}}, h('table', {id: 'agencies-table'},
        h('thead', null, h('tr', null, h('th', null, 'نام'), h('th', null, 'فعال'), h('th', null, ''))),
        h('tbody', null, list.map(a => {
          const n = h('input', {value: a.name, maxlength: 200, size: 40});
          const act = h('input', {type: 'checkbox', checked: a.active});
          return h('tr', null, h('td', null, n), h('td', null, act), h('td', null, h('button', {type: 'button', on: {click: guard(async () => {
            await api.updateAgency(a.id, {id: a.id, name: n.value.trim(), active: act.checked}); toast('ذخیره شد.', 'ok'); })}}, 'ذخیره')));
        })))));
  }

  async function hours() {
    const oh = await api.officeHours();
    const form = h('form', {class: 'card', id: 'office-hours', on: {submit: guard(async e => {
      e.preventDefault();
      const v = formValues(form);
      await api.setOfficeHours({zone: oh.zone ?? 'Asia/Tehran', open: v.open, close: v.close, days: DAYS.map(([d]) => d).filter(d => v['day-' + d])});
      toast('ساعات کاری ذخیره شد.', 'ok');
    })}},
    h('p', {class: 'muted'}, 'بیرون از این ساعات و در روزهای تعطیل، تماس‌ها به ضبط پیام می‌روند. منطقه زمانی: ', oh.zone ?? 'Asia/Tehran'),
    h('div', {class: 'row'}, DAYS.map(([d, label]) => h('label', {class: 'row'}, h('input', {type: 'checkbox', name: 'day-' + d, checked: (oh.days ?? []).includes(d)}), label))),
    h('div', {class: 'row', style: {marginTop: '8px'}},
      field('آغاز', h('input', {type: 'time', name: 'open', value: oh.open ?? '07:30', dir: 'ltr'})),
      field('پایان', h('input', {type: 'time', name: 'close', value: oh.close ?? '14:30', dir: 'ltr'})),
      h('button', {type: 'submit', class: 'primary'}, 'ذخیره')));
    mount(body, form);
  }

  async function holidays(year = jalaliParts(new Date()).y) {
    const list = (await api.holidays(year)).items ?? [];
    const date = h('input', {required: true, dir: 'ltr', placeholder: `${faDigits(year)}/۰۱/۰۱`, id: 'holiday-date'});
    const name = h('input', {required: true, maxlength: 200, placeholder: 'مناسبت', id: 'holiday-name'});
    const preview = h('span', {class: 'muted'});
    date.addEventListener('input', () => { const iso = jalaliToIso(date.value); preview.textContent = iso ? jLongDate(iso + 'T12:00:00Z') : ''; });
    mount(body,
      h('form', {class: 'card row', on: {submit: guard(async e => {
        e.preventDefault();
        if (!jalaliToIso(date.value)) { toast('تاریخ را به شکل ۱۴۰۵/۰۱/۰۱ بنویسید.', 'error'); return; }
        await api.addHoliday(asciiDigits(date.value.trim()).replace(/-/g, '/'), name.value.trim());
        toast('ذخیره شد.', 'ok');
        holidays(year);
      })}},
      field('تاریخ (خورشیدی)', date), field('مناسبت', name), preview, h('button', {type: 'submit', class: 'primary'}, 'افزودن')),
      h('div', {class: 'row', style: {margin: '8px 0'}},
        h('button', {type: 'button', on: {click: () => holidays(year - 1)}}, 'سال قبل'),
        h('strong', null, 'تعطیلات سال ' + faDigits(year)),
        h('button', {type: 'button', on: {click: () => holidays(year + 1)}}, 'سال بعد')),
      h('div', {class: 'table-wrap'}, h('table', {id: 'holidays-table'},
        h('thead', null, h('tr', null, h('th', null, 'تاریخ'), h('th', null, 'روز'), h('th', null, 'مناسبت'), h('th', null, ''))),
        h('tbody', null, list.length ? list.map(x => h('tr', null,
          h('td', {class: 'ltr'}, faDigits(x.jalaliDate)),
          h('td', null, x.date ? jLongDate(x.date + 'T12:00:00Z') : ''),
          h('td', null, x.name),
          h('td', null, h('button', {type: 'button', class: 'danger', on: {click: guard(async () => { await api.removeHoliday(x.jalaliDate); holidays(year); })}}, 'حذف'))))
          : h('tr', null, h('td', {colspan: 4, class: 'muted'}, 'تعطیلی ثبت نشده است.'))))));
  }

  async function settings() {
    const s = await api.settings();
    const n = (name, label, hint, min = 0) => field(label, h('input', {type: 'number', name, min, value: s[name] ?? '', dir: 'ltr'}), hint);
    const form = h('form', {class: 'card', id: 'settings', on: {submit: guard(async e => {
      e.preventDefault();
      const v = formValues(form);
      const out = {};
      for (const [k, val] of Object.entries(v)) if (val != null) out[k] = Number(val);
      mount(body); await api.setSettings(out); toast('ذخیره شد.', 'ok'); settings();
    })}},
    h('div', {class: 'grid3'},
      n('duplicateWindowDays', 'بازه تکراری (روز)', 'پرونده باز همان صاحب موضوع در این بازه، تکراری شمرده می‌شود.', 1),
      n('busyMaxWaitSeconds', 'بیشینه انتظار پیش از پیشنهاد پیام (ثانیه)'),
      n('busyMaxCallersPerOperator', 'بیشینه تماس‌گیرنده به ازای هر کارشناس آماده'),
      n('serviceLevelSeconds', 'آستانه سطح خدمت (ثانیه)', 'پاسخ در این مدت، در سطح خدمت شمرده می‌شود.', 1),
      n('wrapUpSeconds', 'زمان جمع‌بندی پس از هر تماس (ثانیه)')),
    h('button', {type: 'submit', class: 'primary', style: {marginTop: '8px'}}, 'ذخیره'));
    mount(body, form);
  }

  // The server's Persian sentence is "label: detail"; the action has its own column.
  const auditDetail = a => (a.text && a.actionLabel && a.text.startsWith(a.actionLabel + ': ') ? a.text.slice(a.actionLabel.length + 2) : '');

  async function audit() {
    const list = (await api.audit({limit: 200})).items ?? [];
    mount(body, h('div', {class: 'table-wrap'}, h('table', {id: 'audit-table'},
      h('thead', null, h('tr', null, ['زمان', 'کاربر', 'کار', 'پرونده', 'صدا', 'کد ملی', 'جزئیات', 'نشانی'].map(t => h('th', null, t)))),
      h('tbody', null, list.map(a => h('tr', null,
        h('td', {class: 'num'}, jDateTime(a.at)), h('td', {class: 'ltr'}, a.username ?? ''),
        h('td', {dataset: {action: a.action ?? ''}}, a.actionLabel ?? 'رویداد'),
        h('td', null, a.caseId != null ? num(a.caseId) : ''), h('td', null, a.recordingId != null ? num(a.recordingId) : ''),
        h('td', {class: 'ltr'}, faDigits(a.nationalIdMasked ?? '')), h('td', {dataset: {event: a.event?.type ?? ''}}, auditDetail(a)),
        h('td', {class: 'ltr'}, a.ip ?? '')))))));
  }

  async function load() {
    mount(body, h('p', {class: 'muted'}, 'در حال بارگذاری…'));
    try {
      await {users, agencies, hours, holidays, settings, audit, wrapup: () => wrapUpCodes(body)}[tab]();
      view.dataset.ready = 'true';
    } catch (e) { mount(body, h('div', {class: 'notice bad'}, errorText(e))); }
  }

  drawTabs();
  await load();
}
