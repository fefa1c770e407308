// The case page: details, deadline, the timeline (calls, recordings with players, transcript, status
// changes, referral, answers, objections) and the actions this user may take now. Which actions show
// follows the server's allowedActions; the server checks each one again.
import {api, errorText, submission} from '../api.js';
import {hasRole, kindLabel, statusLabel, statusClass, channelLabel, relationLabel, deadlineLabel, agencyOptions} from '../app.js';
import {h, mount, select, field, toast} from '../dom.js';
import {jDateTime, jLongDate, faDigits, trackingCode, duration} from '../fmt.js';
import {Player} from '../player.js';
import {EVENT_TYPES} from '../labels.js';
import {dueClass} from './case-table.js';
import {agencyPanel} from './case-agency.js';

const RECORDING_KINDS = {SPOKEN_ID: 'کد ملی گفته‌شده', VOICEMAIL: 'پیام ضبط‌شده', CONVERSATION: 'گفت‌وگو با کارشناس', AGENCY_ANSWER: 'پاسخ صوتی دستگاه'};

export async function render(view, [caseId]) {
  const players = [];
  const destroyPlayers = () => { players.forEach(p => p.destroy()); players.length = 0; };

  async function load() {
    destroyPlayers();
    let c;
    try { c = await api.caseById(caseId); }
    catch (e) { mount(view, h('div', {class: 'notice bad'}, e.status === 404 ? 'این پرونده پیدا نشد.' : errorText(e))); return; }
    show(c);
  }

  function show(c) {
    destroyPlayers();
    const due = dueClass(c);
    const head = h('section', {class: 'card'},
      h('div', {class: 'case-head'},
        h('span', {class: 'code', id: 'case-code', dataset: {code: c.trackingCode}}, c.trackingCodePersian ?? trackingCode(c.trackingCode)),
        h('span', {class: ['badge', statusClass(c.status)], id: 'case-status'}, statusLabel(c.status)),
        h('span', null, kindLabel(c.kind)),
        h('span', {class: 'muted'}, channelLabel(c.channel)),
        h('span', {class: 'grow'}),
        c.dueAt ? h('span', {class: ['badge', due === 'overdue' ? 'bad' : due === 'due-soon' ? 'warn' : 'info'], id: 'case-due'},
          (due === 'overdue' ? 'دیرکرد — مهلت ' : 'مهلت پاسخ ') + jLongDate(c.dueAt)) : null),
      h('dl', {class: 'kv', style: {marginTop: '8px'}},
        h('dt', null, 'خلاصه'), h('dd', null, c.summary ?? '—'),
        h('dt', null, 'شرح'), h('dd', {style: {whiteSpace: 'pre-wrap'}}, c.description ?? '—'),
        h('dt', null, 'صاحب موضوع'), h('dd', null,
          relationLabel(c.subject?.relation), ' — ', c.subject?.fullName ?? '',
          ' کد ملی ', h('span', {class: 'ltr'}, faDigits(c.subject?.nationalId ?? c.subject?.nationalIdMasked ?? '—')), ' ',
          c.subject?.idVerified ? h('span', {class: 'badge ok'}, 'تأییدشده') : h('span', {class: 'badge warn'}, 'تأییدنشده')),
        h('dt', null, 'شماره تماس'), h('dd', null, h('span', {class: 'ltr'}, faDigits(c.callerNumber ?? '—'))),
        h('dt', null, 'دستگاه اجرایی'), h('dd', null, c.agencyName ?? 'تعیین نشده'),
        h('dt', null, 'طبقه مهلت'), h('dd', null, c.deadlineClass ? deadlineLabel(c.deadlineClass) : '—'),
        h('dt', null, 'ثبت'), h('dd', null, jDateTime(c.registeredAt), c.registeredBy ? ' — ' + c.registeredBy : ''),
        c.answer ? [h('dt', null, 'پاسخ دستگاه'), h('dd', {style: {whiteSpace: 'pre-wrap'}, id: 'case-answer'}, c.answer)] : null));

    const recordings = new Map((c.recordings ?? []).map(r => [r.id, r]));
    const recordingBlock = r => {
      const p = new Player(api.audioUrl(r.id), {label: RECORDING_KINDS[r.kind] ?? 'پخش'});
      players.push(p);
      const tBox = h('div');
      return h('div', {class: 'recording', dataset: {recordingId: r.id}},
        h('div', {class: 'row'}, h('strong', null, RECORDING_KINDS[r.kind] ?? 'صدا'), h('span', {class: 'muted num'}, duration(r.durationSeconds))),
        p.el,
        r.hasTranscript ? h('button', {type: 'button', class: 'link', on: {click: async e => {
          e.target.remove();
          try {
            const t = await api.transcript(r.id);
            mount(tBox, h('div', {class: 'transcript'}, (t.words?.length ? t.words : []).flatMap((w, i) => [i ? ' ' : null,
              h('span', {class: 'w', on: {click: () => { p.seek(w.start); p.play(); }}}, w.word)]), t.words?.length ? null : t.text ?? ''));
          } catch (err) { toast(errorText(err), 'error'); }
        }}}, 'نمایش متن') : null,
        tBox);
    };

    const shownRecordings = new Set();
    const timeline = h('ul', {class: 'timeline', id: 'timeline'}, (c.timeline ?? []).map(ev => {
      const rec = ev.recordingId != null ? recordings.get(ev.recordingId) ?? {id: ev.recordingId, kind: 'VOICEMAIL'} : null;
      if (rec) shownRecordings.add(rec.id);
      return h('li', null,
        h('div', {class: 'when'}, jDateTime(ev.at), ev.actor ? ' — ' + (ev.actorLabel ?? ev.actor) : ''),
        h('div', null, h('strong', {dataset: {type: ev.type}}, ev.typeLabel ?? EVENT_TYPES[ev.type] ?? 'رویداد'),
          ev.status ? [' ', h('span', {class: ['badge', statusClass(ev.status)]}, statusLabel(ev.status))] : null,
          ev.agencyName ? ' — ' + ev.agencyName : ''),
        ev.text ? h('div', {dir: 'auto', style: {whiteSpace: 'pre-wrap', textAlign: 'right'}}, ev.text) : null,
        rec ? recordingBlock(rec) : null);
    }));
    const others = [...recordings.values()].filter(r => !shownRecordings.has(r.id));

    mount(view, h('div', {class: 'case-layout'},
      h('div', null, head,
        h('section', {class: 'card'}, h('h2', null, 'گردش پرونده'), (c.timeline ?? []).length ? timeline : h('p', {class: 'muted'}, 'رویدادی ثبت نشده است.')),
        others.length ? h('section', {class: 'card'}, h('h2', null, 'صداها'), others.map(recordingBlock)) : null),
      h('aside', null, actions(c), hasRole('operator', 'supervisor') && c.status !== 'CLOSED' ? agencyPanel(c.id) : null,
        hasRole('supervisor', 'admin') ? auditBox(c) : null)));
    view.dataset.ready = 'true';
  }

  // Who viewed or changed this case, national ID and recordings (supervisors; the server audits every view).
  function auditBox(c) {
    const body = h('div');
    return h('details', {class: 'card', id: 'case-audit', style: {marginTop: '10px'}, on: {toggle: async e => {
      if (!e.target.open || body.childElementCount) return;
      try {
        const items = (await api.audit({caseId: c.id, limit: 100})).items ?? [];
        mount(body, items.length ? h('div', {class: 'table-wrap', style: {maxHeight: '260px'}}, h('table', null,
          h('thead', null, h('tr', null, h('th', null, 'زمان'), h('th', null, 'کاربر'), h('th', null, 'کار'))),
          h('tbody', null, items.map(a => h('tr', null, h('td', {class: 'num'}, jDateTime(a.at)),
            h('td', {class: 'ltr'}, a.username ?? ''), h('td', {dataset: {action: a.action ?? ''}}, a.text ?? a.actionLabel ?? 'رویداد'))))))
          : h('p', {class: 'muted'}, 'موردی ثبت نشده است.'));
      } catch (err) { mount(body, h('p', {class: 'notice bad'}, errorText(err))); }
    }}}, h('summary', null, 'چه کسی این پرونده را دیده یا تغییر داده است'), body);
  }

  function actions(c) {
    const allowed = new Set(c.allowedActions ?? []);
    const box = h('section', {class: 'card actions', id: 'case-actions'}, h('h2', null, 'اقدام‌ها'));
    if (!allowed.size) { box.append(h('p', {class: 'muted'}, 'اقدامی برای شما در این وضعیت نیست.')); return box; }
    const once = submission(); // the actions are drawn afresh after each change: one key per request shown here
    const run = async (fn, okText) => {
      try { show(await fn()); toast(okText, 'ok'); } catch (e) { toast(errorText(e), 'error'); }
    };
    const note = (name = 'note', placeholder = 'یادداشت (اختیاری)') => h('textarea', {name, rows: 2, maxlength: 4000, placeholder});
    const section = (key, title, ...content) => allowed.has(key)
      ? h('details', {id: 'action-' + key, open: allowed.size <= 2}, h('summary', null, title), ...content) : null;

    const referAgency = select({name: 'agencyId', required: true}, agencyOptions());
    const referNote = note();
    const answerText = h('textarea', {name: 'text', rows: 4, maxlength: 10000, required: true, placeholder: 'متن پاسخ دستگاه'});
    const answerFile = h('input', {type: 'file', accept: 'audio/wav,audio/x-wav,.wav'});
    const objNote = note('note', 'شرح اعتراض');
    const boardNote = note();
    const closeNote = note();
    const msgText = h('textarea', {name: 'text', rows: 3, maxlength: 10000, required: true, placeholder: 'پیام تازه تماس‌گیرنده'});

    box.append(...[
      section('refer', 'ارجاع به دستگاه', h('form', {on: {submit: e => { e.preventDefault();
        if (!referAgency.value) { toast('دستگاه را انتخاب کنید.', 'error'); return; }
        run(() => api.refer(c.id, Number(referAgency.value), referNote.value || undefined, once), 'ارجاع شد.'); }}},
        field('دستگاه اجرایی', referAgency), referNote, h('button', {type: 'submit', class: 'primary'}, 'ارجاع'))),
      section('answer', 'ثبت پاسخ دستگاه', h('form', {on: {submit: e => { e.preventDefault();
        run(async () => {
          let recordingId;
          if (answerFile.files[0]) recordingId = (await api.answerAudio(c.id, answerFile.files[0], once)).id;
          return api.answer(c.id, answerText.value.trim(), recordingId, once);
        }, 'پاسخ ثبت شد.'); }}},
        answerText, field('پاسخ صوتی (اختیاری، WAV)', answerFile), h('button', {type: 'submit', class: 'primary'}, 'ثبت پاسخ'))),
      section('objection', 'ثبت اعتراض تماس‌گیرنده', h('form', {on: {submit: e => { e.preventDefault();
        run(() => api.objection(c.id, objNote.value || undefined, once), 'اعتراض ثبت شد.'); }}},
        objNote, h('button', {type: 'submit', class: 'warn'}, 'ثبت اعتراض'))),
      section('board', 'ارسال به هیأت رسیدگی به شکایات', h('form', {on: {submit: e => { e.preventDefault();
        run(() => api.board(c.id, boardNote.value || undefined, once), 'به هیأت ارسال شد.'); }}},
        boardNote, h('button', {type: 'submit', class: 'warn'}, 'ارسال به هیأت'))),
      section('message', 'افزودن پیام تماس‌گیرنده', h('form', {on: {submit: e => { e.preventDefault();
        run(() => api.addMessage(c.id, {text: msgText.value.trim()}, once), 'پیام افزوده شد.'); }}},
        msgText, h('button', {type: 'submit'}, 'افزودن'))),
      section('close', 'مختومه کردن', h('form', {on: {submit: e => { e.preventDefault();
        if (!confirm('پرونده مختومه شود؟')) return;
        run(() => api.close(c.id, closeNote.value || undefined, once), 'پرونده مختومه شد.'); }}},
        closeNote, h('button', {type: 'submit', class: 'danger'}, 'مختومه')))].filter(Boolean));
    return box;
  }

  await load();
  return destroyPlayers;
}
