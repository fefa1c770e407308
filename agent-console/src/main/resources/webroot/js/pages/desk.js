// The live desk: the operator's queue presence, the caller popping up the moment a call connects, the
// case form with the duplicate check before saving, the tracking code to read out, wrap-up time, and
// the abandoned calls to call back.
import {api, errorText, submission} from '../api.js';
import {app, choices, kindLabel, statusLabel, statusClass, agencyOptions, pauseReasons, relationLabel} from '../app.js';
import {h, mount, select, field, toast, formValues} from '../dom.js';
import {jDate, jDateTime, jTime, duration, faDigits, asciiDigits, trackingCode, count, ltr} from '../fmt.js';
import {Player} from '../player.js';
import {KINDS, DEADLINES, RELATIONS, OPERATOR_STATES} from '../labels.js';
import * as ws from '../ws.js';
import {keepDraft, clearDraft, draftOf, putDraft, hasContent} from '../drafts.js';
import {callPanel} from './desk-call.js';

export async function render(view) {
  const subs = [];
  const timers = [];
  let pop = null;          // the current screen-pop
  let popPlayer = null;
  let presence = {state: 'LOGGED_OUT'};
  let wrapStart = null;
  const call = callPanel(); // issue 15: call timer and wrap-up code
  let draft = null;         // the case form's draft in this browser (drafts.js)
  let draftCall = null;     // the call a restored draft belongs to, when it is not the call on screen (reload, earlier call)
  const formCall = () => draftCall ?? pop;
  const DRAFT = 'desk-case', EARLIER = 'desk-case.earlier'; // the form's draft, and the one an unsaved earlier call left

  // ---- presence ---------------------------------------------------------------------------
  const stateEl = h('span', {class: 'state', id: 'presence-state'});
  const sinceEl = h('span', {class: 'muted num'});
  const reasonSel = select({id: 'pause-reason', 'aria-label': 'دلیل مکث'}, pauseReasons());
  const btn = (action, text, cls) => h('button', {type: 'button', class: cls, id: 'presence-' + action,
    on: {click: () => setPresence(action)}}, text);
  const presenceButtons = {
    login: btn('login', 'ورود به صف'), ready: btn('ready', 'آماده'), pause: btn('pause', 'مکث', 'warn'),
    logout: btn('logout', 'خروج از صف', 'danger'),
  };
  const wrapEl = h('div', {class: 'wrapup', id: 'wrapup', hidden: true});

  async function setPresence(action) {
    try {
      presence = await api.setPresence(action, action === 'pause' ? reasonSel.value : undefined);
      showPresence();
    } catch (e) { toast(errorText(e), 'error'); }
  }

  function showPresence() {
    const s = String(presence.state ?? 'LOGGED_OUT').toUpperCase();
    stateEl.textContent = OPERATOR_STATES[s] ?? s;
    stateEl.className = 'state badge ' + ({READY: 'ok', PAUSED: 'warn', ON_CALL: 'info', WRAP_UP: 'warn'}[s] ?? '');
    sinceEl.textContent = presence.since ? 'از ' + jTime(presence.since) : '';
    if (s === 'PAUSED' && presence.reason) sinceEl.textContent += ' — ' + presence.reason;
    const inQueue = s !== 'LOGGED_OUT';
    presenceButtons.login.hidden = inQueue;
    presenceButtons.logout.hidden = !inQueue;
    presenceButtons.ready.hidden = !inQueue;
    presenceButtons.pause.hidden = !inQueue;
    reasonSel.hidden = !inQueue;
    presenceButtons.ready.classList.toggle('on', s === 'READY');
    presenceButtons.pause.classList.toggle('on', s === 'PAUSED');
    if (s === 'WRAP_UP' && !wrapStart) startWrapUp(presence.since ? new Date(presence.since) : new Date());
    if (s !== 'WRAP_UP') { wrapStart = null; wrapEl.hidden = true; }
  }

  function startWrapUp(at) {
    wrapStart = at;
    wrapEl.hidden = false;
  }
  timers.push(setInterval(() => {
    if (wrapStart) wrapEl.textContent = 'زمان جمع‌بندی: ' + duration((Date.now() - wrapStart) / 1000);
  }, 500));

  const presenceCard = h('section', {class: 'card', id: 'presence'},
    h('h2', null, 'وضعیت من در صف'),
    h('div', {class: 'presence'}, stateEl, sinceEl),
    h('div', {class: 'presence', style: {marginTop: '8px'}}, presenceButtons.login, presenceButtons.ready, reasonSel,
      presenceButtons.pause, presenceButtons.logout),
    wrapEl);

  // ---- screen-pop -------------------------------------------------------------------------
  const popCard = h('section', {class: 'card pop idle', id: 'screen-pop'});

  const earlierBox = h('div', {id: 'pop-earlier-box'});
  function showEarlier() {
    const earlier = pop?.earlierCases;
    mount(earlierBox,
      h('h3', {style: {marginTop: '8px'}}, 'پرونده‌های پیشین', earlier ? ` (${count(earlier.length)})` : ''),
      !earlier ? h('p', {class: 'muted'}, '…')
        : earlier.length
        ? h('div', {class: 'table-wrap', style: {maxHeight: '160px'}}, h('table', {id: 'pop-earlier'},
            h('thead', null, h('tr', null, h('th', null, 'کد رهگیری'), h('th', null, 'نوع'), h('th', null, 'وضعیت'), h('th', null, 'ثبت'))),
            h('tbody', null, earlier.map(c => h('tr', {class: ['clickable', c.overdue && 'overdue'], title: c.summary ?? '',
              on: {click: () => window.open('#/case/' + c.id, '_blank')}},
              h('td', null, h('span', {class: 'ltr'}, c.trackingCodePersian ?? trackingCode(c.trackingCode))),
              h('td', null, kindLabel(c.kind)),
              h('td', null, h('span', {class: ['badge', statusClass(c.status)]}, statusLabel(c.status))),
              h('td', {class: 'num'}, jDate(c.registeredAt)))))))
        : h('p', {class: 'muted'}, 'پرونده‌ای پیشین ندارد.'));
  }

  function showPop() {
    popPlayer?.destroy();
    popPlayer = null;
    if (!pop) {
      mount(popCard, h('h2', null, 'تماس جاری'), h('p', {class: 'muted'}, 'تماسی وصل نیست. با وصل شدن تماس، مشخصات تماس‌گیرنده همین‌جا نمایش داده می‌شود.'));
      popCard.classList.add('idle');
      return;
    }
    popCard.classList.remove('idle');
    const verified = pop.nationalIdVerified;
    const badge = pop.nationalId
      ? h('span', {class: ['badge', verified ? 'ok' : 'warn'], id: 'nid-badge'}, verified ? 'تأییدشده توسط تماس‌گیرنده' : 'تأییدنشده — گوش دهید')
      : h('span', {class: 'badge bad', id: 'nid-badge'}, 'کد ملی گفته نشد — گوش دهید');
    if (pop.spokenIdRecordingId) popPlayer = new Player(api.audioUrl(pop.spokenIdRecordingId), {compact: true, label: 'پخش کد ملی گفته‌شده'});
    mount(popCard,
      h('h2', null, 'تماس جاری ', h('span', {class: 'muted num'}, jTime(pop.receivedAt ?? new Date()))),
      h('dl', {class: 'kv'},
        h('dt', null, 'شماره'), h('dd', null, h('span', {class: 'number ltr', id: 'pop-number'}, faDigits(pop.callerNumber ?? 'ناشناس')),
          pop.callerName ? h('span', {class: 'muted'}, ' ' + pop.callerName) : null),
        pop.waitSeconds != null ? [h('dt', null, 'انتظار در صف'), h('dd', {class: 'num'}, duration(pop.waitSeconds))] : null,
        h('dt', null, 'کد ملی'), h('dd', null, h('span', {class: 'nid ltr', id: 'pop-nid'}, faDigits(pop.nationalId ?? '—')), ' ', badge),
        popPlayer ? [h('dt', null, 'صدای کد ملی'), h('dd', null, popPlayer.el)] : null,
        h('dt', null, 'موضوع درباره'), h('dd', {id: 'pop-subject'}, relationLabel(pop.relation ?? 'SELF'),
          pop.subjectNationalId && pop.relation && pop.relation !== 'SELF' ? [' — کد ملی ', h('span', {class: 'ltr'}, faDigits(pop.subjectNationalId))] : null)),
      earlierBox);
    showEarlier();
  }

  // The subject's earlier cases come with the pop: the AMI adapter looked them up once, by the subject's ID.

  // ---- case form --------------------------------------------------------------------------
  const formCard = h('section', {class: 'card', id: 'case-form-card'});
  const dupBox = h('div', {class: 'card dup', id: 'duplicate', hidden: true});
  const savedCard = h('section', {class: 'card saved', id: 'saved', hidden: true});
  let form;
  let once = submission(); // made afresh whenever the form is opened
  let saving = false;

  function buildForm() {
    once = submission();
    const subjectId = pop ? (pop.relation && pop.relation !== 'SELF' ? pop.subjectNationalId : pop.nationalId) : '';
    form = h('form', {id: 'case-form', autocomplete: 'off', on: {submit: e => { e.preventDefault(); save(false); }}},
      h('div', {class: 'grid3'},
        field('نوع موضوع', select({name: 'kind', required: true}, [['', 'انتخاب کنید…'], ...choices('kinds', KINDS)])),
        field('دستگاه اجرایی', select({name: 'agencyId'}, agencyOptions('(بعداً تعیین شود)'))),
        field('طبقه مهلت پاسخ', select({name: 'deadlineClass'}, choices('deadlineClasses', DEADLINES), 'SIMPLE')),
        field('موضوع درباره', select({name: 'relation'}, choices('relations', RELATIONS), pop?.relation ?? 'SELF')),
        field('کد ملی صاحب موضوع', h('input', {name: 'nationalId', inputmode: 'numeric', dir: 'ltr', maxlength: 12, value: subjectId ?? '',
          on: {change: () => checkDuplicate()}})),
        field('نام و نام خانوادگی صاحب موضوع', h('input', {name: 'fullName', maxlength: 100})),
        h('label', {class: 'row span3'}, h('input', {type: 'checkbox', name: 'idVerified', checked: !!pop?.nationalIdVerified}),
          'کد ملی را تماس‌گیرنده تأیید کرده است'),
        h('div', {class: 'span3'}, field('خلاصه موضوع', h('input', {name: 'summary', required: true, maxlength: 300}))),
        h('div', {class: 'span3'}, field('شرح', h('textarea', {name: 'description', rows: 3, maxlength: 10000})))),
      dupBox, // right above the save button, where it cannot be missed
      h('div', {class: 'row', style: {marginTop: '10px'}},
        h('button', {type: 'submit', class: 'primary big', id: 'save-case'}, 'ثبت پرونده'),
        h('button', {type: 'button', id: 'check-duplicate', on: {click: () => checkDuplicate(true)}}, 'بررسی تکراری بودن'),
        h('span', {class: 'grow'}),
        h('button', {type: 'reset', class: 'link'}, 'پاک کردن فرم')));
    mount(formCard, h('h2', null, 'ثبت موضوع'), form);
    dupBox.hidden = true;
    draft = keepDraft(form, DRAFT, {
      context: () => { const c = formCall(); return c ? {callId: c.callId, callerNumber: c.callerNumber, spokenIdRecordingId: c.spokenIdRecordingId} : null; },
      onRestore: ctx => { draftCall = ctx?.callId && ctx.callId !== pop?.callId ? ctx : null; },
    });
    if (draft.restored) {
      formCard.insertBefore(h('p', {class: 'notice info draft-note', id: 'draft-restored'},
        'پیش‌نویسی که ذخیره نشده بود بازگردانده شد.'), form);
    }
    if (hasContent(draftOf(EARLIER))) {
      formCard.insertBefore(h('p', {class: 'notice warn draft-note row', id: 'earlier-draft'},
        h('span', {class: 'grow'}, 'پرونده‌ای از تماس قبلی نیمه‌کاره و ذخیره‌نشده مانده است.'),
        h('button', {type: 'button', id: 'restore-earlier', on: {click: () => {
          const now = draftOf(DRAFT);
          putDraft(DRAFT, draftOf(EARLIER));
          putDraft(EARLIER, hasContent(now) ? now : null); // swapped, so nothing typed is lost either way
          buildForm();
        }}}, 'بازکردن آن')), form);
    }
    if (subjectId || (draft.restored && form.elements.nationalId.value)) checkDuplicate();
  }

  let lastDuplicate = null;
  async function checkDuplicate(explicit = false) {
    const nid = asciiDigits(form.elements.nationalId.value.trim());
    lastDuplicate = null;
    if (!nid) { dupBox.hidden = true; if (explicit) toast('کد ملی صاحب موضوع را وارد کنید.', 'error'); return null; }
    try {
      const r = await api.duplicateCheck(nid);
      if (r?.duplicate && r.existing) {
        lastDuplicate = r.existing;
        showDuplicate(r.existing, r.windowDays);
      } else {
        dupBox.hidden = true;
        if (explicit) toast('پرونده باز مشابهی پیدا نشد.', 'ok');
      }
      return lastDuplicate;
    } catch (e) {
      if (explicit || e.field) toast(errorText(e), 'error');
      return null;
    }
  }

  function showDuplicate(c, windowDays) {
    dupBox.hidden = false;
    mount(dupBox,
      h('h3', null, 'احتمال تکراری بودن: برای همین صاحب موضوع پرونده‌ای باز',
        windowDays ? ` در ${count(windowDays)} روز اخیر` : '', ' هست'),
      h('p', {style: {margin: '0 0 6px'}},
        h('strong', {class: 'ltr', id: 'dup-code'}, c.trackingCodePersian ?? trackingCode(c.trackingCode)), ' — ',
        kindLabel(c.kind), '، ', statusLabel(c.status), '، ثبت ', jDate(c.registeredAt),
        c.summary ? ['، «', c.summary, '»'] : null),
      h('div', {class: 'row'},
        h('button', {type: 'button', class: 'primary', id: 'add-to-existing', on: {click: () => addToExisting(c)}}, 'افزودن به همین پرونده'),
        h('button', {type: 'button', id: 'save-anyway', on: {click: () => save(true)}}, 'موضوع دیگری است؛ پرونده جدید ثبت شود')));
  }

  async function addToExisting(c) {
    const v = formValues(form);
    const text = [v.summary, v.description].filter(Boolean).join('\n\n');
    if (!text) { toast('خلاصه یا شرح پیام را بنویسید.', 'error'); return; }
    try {
      const updated = await api.addMessage(c.id, {text, callId: formCall()?.callId}, once);
      showSaved(updated, true);
    } catch (e) { toast(errorText(e), 'error'); }
  }

  async function save(skipDuplicate) {
    if (saving) return; // a double click: the first submission is on its way
    const v = formValues(form);
    if (!v.kind || !v.summary) { toast('نوع موضوع و خلاصه را وارد کنید.', 'error'); return; }
    const button = form.querySelector('#save-case');
    saving = true;
    button.disabled = true;
    try {
      if (!skipDuplicate && v.nationalId) {
        const dup = await checkDuplicate();
        if (dup) { toast('پیش از ثبت، پرونده مشابه را بررسی کنید.', 'error'); dupBox.scrollIntoView({block: 'center'}); return; }
      }
      await register(v);
    } finally { saving = false; button.disabled = false; }
  }

  async function register(v) {
    const body = {
      kind: v.kind, channel: 'PHONE_LIVE', summary: v.summary, description: v.description,
      deadlineClass: v.deadlineClass, agencyId: v.agencyId ? Number(v.agencyId) : undefined,
      subject: {relation: v.relation, nationalId: v.nationalId ? asciiDigits(v.nationalId) : undefined, idVerified: !!v.idVerified,
        fullName: v.fullName ?? undefined},
      callerNumber: formCall()?.callerNumber, callId: formCall()?.callId,
      // the case takes this call's spoken ID and conversation recordings
      spokenIdRecordingId: formCall()?.spokenIdRecordingId ?? undefined,
    };
    try {
      showSaved(await api.registerCase(body, once), false);
    } catch (e) {
      toast(errorText(e), 'error');
      if (e.field) form.querySelector(`[name="${CSS.escape(e.field.replace(/^subject\./, ''))}"]`)?.focus();
    }
  }

  function showSaved(c, added) {
    draft?.clear();
    draftCall = null;
    formCard.hidden = true;
    dupBox.hidden = true;
    savedCard.hidden = false;
    mount(savedCard,
      h('h2', null, added ? 'پیام به پرونده موجود افزوده شد' : 'پرونده ثبت شد'),
      h('p', null, 'کد رهگیری را برای تماس‌گیرنده بخوانید (پس از پایان گفت‌وگو سامانه هم آن را دوباره می‌خواند):'),
      h('div', {class: 'code-big', id: 'tracking-code', dataset: {code: c.trackingCode ?? ''}}, c.trackingCodePersian ?? trackingCode(c.trackingCode)),
      h('p', {class: 'muted'}, kindLabel(c.kind), ' — ', statusLabel(c.status), c.dueAt ? ' — مهلت پاسخ: ' + jDateTime(c.dueAt) : ''),
      h('div', {class: 'row', style: {justifyContent: 'center'}},
        h('a', {href: '#/case/' + c.id}, 'مشاهده پرونده'),
        h('button', {type: 'button', class: 'primary', id: 'next-case', on: {click: () => { savedCard.hidden = true; formCard.hidden = false; buildForm(); }}}, 'فرم تازه')));
  }

  // ---- abandoned calls --------------------------------------------------------------------
  const abandonedBody = h('tbody');
  const abandonedCard = h('section', {class: 'card', id: 'abandoned'},
    h('h2', null, 'تماس‌های رهاشده برای تماس دوباره'),
    h('div', {class: 'table-wrap', style: {maxHeight: '200px'}}, h('table', null,
      h('thead', null, h('tr', null, h('th', null, 'شماره'), h('th', null, 'زمان'), h('th', null, 'انتظار'), h('th', null, ''))),
      abandonedBody)));
  let abandoned = [];

  function showAbandoned() {
    mount(abandonedBody, abandoned.length ? abandoned.map(a => h('tr', null,
      h('td', {class: 'ltr'}, faDigits(a.callerNumber ?? '—')),
      h('td', {class: 'num'}, jTime(a.at)),
      h('td', {class: 'num'}, duration(a.waitSeconds)),
      h('td', null, a.id != null ? h('button', {type: 'button', on: {click: async () => {
        try { await api.calledBack(a.id); abandoned = abandoned.filter(x => x !== a); showAbandoned(); }
        catch (e) { toast(errorText(e), 'error'); }
      }}}, 'تماس گرفتم') : null)))
      : h('tr', null, h('td', {colspan: 4, class: 'muted'}, 'موردی نیست.')));
  }

  // ---- queue summary ----------------------------------------------------------------------
  const queueLine = h('div', {class: 'notice', id: 'queue-line'}, 'وضعیت صف: —');
  function showQueue(q) {
    if (!q || q.known === false) { queueLine.textContent = 'وضعیت صف در دسترس نیست.'; return; }
    queueLine.textContent = `در صف: ${count((q.callers ?? []).length)} تماس‌گیرنده — انتظار تخمینی ${ltr(duration(q.estimatedWaitSeconds))}`;
  }

  mount(view, h('div', {class: 'desk'},
    h('div', {class: 'desk-side'}, presenceCard, popCard, h('section', {class: 'card', id: 'call-card'}, h('h2', null, 'تماس و پایان آن'), call.el)),
    h('div', {class: 'desk-main'}, queueLine, savedCard, formCard, abandonedCard)));
  view.dataset.ready = 'false';

  showPop();
  buildForm();
  showAbandoned();
  showPresence();

  subs.push(ws.onMessage('screen-pop', data => {
    pop = {...data, receivedAt: new Date()};
    call.start(pop);
    // A new call starts a new case form; an unsaved one of the call before is kept aside, not lost.
    draft?.stop();
    const left = draftOf(DRAFT);
    if (hasContent(left)) putDraft(EARLIER, left);
    clearDraft(DRAFT);
    draftCall = null;
    wrapStart = null;
    wrapEl.hidden = true;
    presence = {...presence, state: 'ON_CALL', since: new Date().toISOString(), callId: data.callId};
    showPresence();
    showPop();
    savedCard.hidden = true;
    formCard.hidden = false;
    buildForm();
    form.elements.kind.focus();
  }));
  subs.push(ws.onMessage('wrap-up', data => {
    if (pop && data.callId && data.callId !== pop.callId) return;
    presence = {...presence, state: 'WRAP_UP', since: new Date().toISOString()};
    call.stop();
    startWrapUp(new Date());
    showPresence();
  }));
  const loadAbandoned = () => api.abandoned({pending: true}).then(r => { abandoned = r?.items ?? []; showAbandoned(); }).catch(() => {});
  subs.push(ws.onMessage('queue-abandoned', a => {
    // Shown at once; re-read shortly after for the stored row's id, which the call-back button needs.
    abandoned = [a, ...abandoned.filter(x => x.callId !== a.callId)];
    showAbandoned();
    timers.push(setTimeout(loadAbandoned, 1500));
  }));
  subs.push(ws.onMessage('queue-state', showQueue));

  const loads = [
    api.presence().then(p => { presence = p ?? presence; showPresence(); }),
    loadAbandoned(),
    api.queue().then(showQueue),
  ].map(p => p.catch(() => {}));
  await Promise.all(loads);
  view.dataset.ready = 'true';

  return () => {
    subs.forEach(off => off());
    timers.forEach(t => { clearInterval(t); clearTimeout(t); });
    popPlayer?.destroy();
    call.destroy();
  };
}
