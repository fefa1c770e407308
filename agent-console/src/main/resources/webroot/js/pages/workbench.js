// The voicemail workbench: the queue of unregistered messages (oldest first) with progress, the player
// made for transcription, the draft transcript whose words seek the audio, the spoken-ID clip with the
// recognised digits to confirm, and registration under the tracking code the caller already heard.
import {api, errorText, submission} from '../api.js';
import {app, choices, agencyOptions} from '../app.js';
import {h, mount, select, field, toast, formValues} from '../dom.js';
import {jDateTime, duration, faDigits, asciiDigits, trackingCode, num, count, codeInText} from '../fmt.js';
import {Player, bindShortcuts, SHORTCUTS_HELP} from '../player.js';
import {KINDS, DEADLINES, RELATIONS} from '../labels.js';
import {keepDraft} from '../drafts.js';
import {notAMatterBox, silentNotice} from './vm-close.js';

export async function render(view) {
  let current = null;
  let once = submission(); // afresh for each message opened
  let player = null;
  let idPlayer = null;
  let queue = [];
  let draft = null; // the open message's form, kept in this browser until saved (drafts.js)
  const unbind = bindShortcuts(() => player);

  const progressBar = h('div', {class: 'progress'}, h('div', {style: {width: '0%'}}));
  const progressText = h('div', {class: 'muted', id: 'vm-progress'});
  const list = h('div', {class: 'list card', id: 'vm-queue', style: {padding: 0}});
  const claimBtn = h('button', {type: 'button', class: 'primary big', id: 'claim-next', on: {click: () => claim()}}, 'دریافت پیام بعدی');
  const work = h('div', {class: 'bench-work', id: 'vm-work'});

  mount(view, h('div', {class: 'bench'},
    h('aside', {class: 'bench-queue'},
      h('div', {class: 'card'}, h('h2', null, 'پیام‌های در انتظار'), progressBar, progressText, h('div', {style: {marginTop: '8px'}}, claimBtn)),
      list),
    work));

  function showProgress(p) {
    if (!p) return;
    const total = (p.waiting ?? 0) + (p.claimed ?? 0) + (p.doneToday ?? 0);
    progressBar.firstChild.style.width = total ? `${Math.round(100 * (p.doneToday ?? 0) / total)}%` : '0%';
    progressText.textContent = `انجام‌شده امروز ${count(p.doneToday ?? 0)} — در انتظار ${count(p.waiting ?? 0)} — در دست ${count(p.claimed ?? 0)}`
      + (p.oldestReceivedAt ? ` — قدیمی‌ترین: ${jDateTime(p.oldestReceivedAt)}` : '');
  }

  function showQueue() {
    mount(list, queue.length ? queue.map(v => h('div', {class: ['vm-item', current?.caseId === v.caseId && 'current'], dataset: {caseId: v.caseId}},
      h('div', {class: 'row'}, h('strong', {class: 'ltr'}, v.trackingCodePersian ?? trackingCode(v.trackingCode)),
        h('span', {class: 'grow'}), h('span', {class: 'muted num'}, duration(v.durationSeconds))),
      h('div', {class: 'muted num'}, jDateTime(v.receivedAt),
        v.claimedBy ? h('span', {class: 'badge info', style: {marginInlineStart: '6px'}}, v.claimedBy === app.me.username ? 'در دست شما' : 'در دست ' + v.claimedBy) : null)))
      : h('p', {class: 'muted', style: {padding: '8px'}}, 'پیامی در انتظار نیست.'));
  }

  async function refresh() {
    try {
      const r = await api.voicemails({limit: 100});
      queue = r?.items ?? [];
      showProgress(r?.progress ?? await api.voicemailProgress());
      showQueue();
    } catch (e) { toast(errorText(e), 'error'); }
  }

  async function claim() {
    claimBtn.disabled = true;
    try {
      const vm = await api.claimVoicemail();
      if (!vm) { current = null; showEmpty('همه پیام‌ها ثبت شده‌اند.'); }
      else await open(vm);
    } catch (e) { toast(errorText(e), 'error'); }
    finally { claimBtn.disabled = false; refresh(); }
  }

  function showEmpty(text) {
    player?.destroy(); idPlayer?.destroy(); player = idPlayer = null;
    mount(work, h('div', {class: 'card span2'}, h('p', {class: 'muted'}, text)));
  }

  async function open(vm) {
    current = vm;
    once = submission();
    player?.destroy(); idPlayer?.destroy();
    player = vm.messageRecordingId ? new Player(api.audioUrl(vm.messageRecordingId), {label: 'پخش پیام'}) : null;
    idPlayer = vm.spokenIdRecordingId ? new Player(api.audioUrl(vm.spokenIdRecordingId), {compact: true, label: 'پخش کد ملی گفته‌شده'}) : null;
    let transcript = vm.transcript;
    if ((!transcript || !transcript.words) && vm.messageRecordingId) {
      try { transcript = await api.transcript(vm.messageRecordingId); } catch { /* shown as absent */ }
    }
    const words = transcript?.words ?? [];
    const wordEls = words.map((w, i) => h('span', {class: ['w', w.conf != null && w.conf < 0.6 && 'low'], dataset: {i, start: w.start},
      title: `${duration(w.start)}`, on: {click: () => { player?.seek(w.start); player?.play(); }}}, w.word));
    const transcriptBox = h('div', {class: 'transcript', id: 'transcript', 'aria-label': 'متن پیش‌نویس؛ با کلیک روی هر واژه پخش از همان‌جا'},
      words.length ? wordEls.flatMap((el, i) => (i ? [' ', el] : [el]))
        : vm.transcriptionConfigured === false
          ? h('span', {class: 'notice warn', id: 'transcript-off'}, 'پیاده‌سازی خودکار روی این سامانه راه‌اندازی نشده است (مدل تبدیل گفتار به متن تنظیم نشده)؛ '
            + 'متن پیش‌نویسی ساخته نمی‌شود. پیام را گوش دهید و متن را خودتان بنویسید.')
          : h('span', {class: 'muted'}, transcript?.status === 'PENDING' ? 'متن پیش‌نویس هنوز آماده نیست.'
            : transcript?.status === 'FAILED' ? 'ساختن متن پیش‌نویس این پیام ناموفق بود.' : 'متن پیش‌نویس ندارد.'));
    let lastNow = -1;
    player?.onTime(t => {
      let idx = -1;
      for (let i = 0; i < words.length; i++) if (words[i].start <= t + 0.05) idx = i; else break;
      if (idx === lastNow) return;
      wordEls[lastNow]?.classList.remove('now');
      wordEls[idx]?.classList.add('now');
      lastNow = idx;
    });

    const subject = vm.subject ?? {};
    const heard = subject.nationalId ?? vm.recognisedDigits ?? '';
    const form = h('form', {id: 'vm-form', autocomplete: 'off', on: {submit: e => { e.preventDefault(); register(form); }}},
      h('div', {class: 'grid2'},
        field('نوع موضوع', select({name: 'kind', required: true}, [['', 'انتخاب کنید…'], ...choices('kinds', KINDS)])),
        field('دستگاه اجرایی', select({name: 'agencyId'}, agencyOptions('(بعداً تعیین شود)'))),
        field('طبقه مهلت پاسخ', select({name: 'deadlineClass'}, choices('deadlineClasses', DEADLINES), 'SIMPLE')),
        field('موضوع درباره', select({name: 'relation'}, choices('relations', RELATIONS), subject.relation ?? 'SELF')),
        h('div', {class: 'span2'}, field('نام صاحب موضوع', h('input', {name: 'fullName', maxlength: 100, value: subject.fullName ?? ''}))),
        h('div', {class: 'span2'}, field('خلاصه موضوع', h('input', {name: 'summary', required: true, maxlength: 300}))),
        h('div', {class: 'span2'}, field('متن پیام (اصلاح‌شده)', h('textarea', {name: 'transcript', rows: 4, maxlength: 20000, value: transcript?.text ?? words.map(w => w.word).join(' ')}))),
        h('div', {class: 'span2'}, field('شرح', h('textarea', {name: 'description', rows: 2, maxlength: 10000})))),
      h('div', {class: 'row', style: {marginTop: '8px'}},
        h('button', {type: 'submit', class: 'primary big', id: 'register-vm'}, 'ثبت پرونده با همین کد رهگیری'),
        h('button', {type: 'button', class: 'link', on: {click: release}}, 'بازگرداندن به صف')));

    const nidInput = h('input', {name: 'nationalId', form: 'vm-form', dir: 'ltr', inputmode: 'numeric', maxlength: 12, id: 'vm-nid', value: heard});
    const nidOk = h('input', {type: 'checkbox', name: 'idVerified', form: 'vm-form', id: 'vm-nid-ok', checked: !!subject.idVerified});

    const code = vm.trackingCodePersian ?? trackingCode(vm.trackingCode);
    const silentBox = h('div', {class: 'notice warn', id: 'vm-silent', hidden: true});
    silentNotice(player, silentBox, {close: notAMatter, trackingCode: code, durationSeconds: vm.durationSeconds});

    mount(work,
      h('section', {class: 'card span2', id: 'vm-head'},
        h('div', {class: 'case-head'},
          h('span', null, 'کد رهگیری اعلام‌شده به تماس‌گیرنده:'),
          h('span', {class: 'code', id: 'vm-code', dataset: {code: vm.trackingCode}}, vm.trackingCodePersian ?? trackingCode(vm.trackingCode)),
          h('span', {class: 'muted'}, 'شماره ', h('span', {class: 'ltr'}, faDigits(vm.callerNumber ?? 'ناشناس'))),
          h('span', {class: 'muted num'}, jDateTime(vm.receivedAt))),
        player ? player.el : h('p', {class: 'notice warn'}, 'صدای پیام در دسترس نیست.'),
        silentBox,
        h('small', {class: 'muted'}, SHORTCUTS_HELP)),
      h('section', {class: 'card'}, h('h2', null, 'متن پیش‌نویس'), transcriptBox,
        h('h2', {style: {marginTop: '12px'}}, 'کد ملی گفته‌شده'),
        idPlayer ? idPlayer.el : h('p', {class: 'muted'}, 'صدای کد ملی ضبط نشده است.'),
        h('p', null, 'ارقام شناخته‌شده: ', h('strong', {class: 'ltr', id: 'vm-digits'}, faDigits(vm.recognisedDigits ?? '—')),
          subject.idVerified ? h('span', {class: 'badge ok', style: {marginInlineStart: '6px'}}, 'تأییدشده توسط تماس‌گیرنده')
            : h('span', {class: 'badge warn', style: {marginInlineStart: '6px'}}, 'تأییدنشده — گوش دهید')),
        field('کد ملی (پس از شنیدن تأیید یا اصلاح کنید)', nidInput),
        h('label', {class: 'row'}, nidOk, 'شنیدم؛ کد ملی درست است'),
        notAMatterBox({close: notAMatter, trackingCode: code})),
      h('section', {class: 'card'}, h('h2', null, 'ثبت پرونده'), form));
    draft = keepDraft(form, 'vm-' + vm.caseId);
    if (draft.restored) form.before(h('p', {class: 'notice info draft-note', id: 'draft-restored'}, 'پیش‌نویسی که ذخیره نشده بود بازگردانده شد.'));
    showQueue();
  }

  async function register(form) {
    const v = formValues(form);
    if (!v.kind || !v.summary) { toast('نوع موضوع و خلاصه را وارد کنید.', 'error'); return; }
    const body = {kind: v.kind, summary: v.summary, description: v.description, deadlineClass: v.deadlineClass,
      agencyId: v.agencyId ? Number(v.agencyId) : undefined, transcript: v.transcript,
      subject: {relation: v.relation, nationalId: v.nationalId ? asciiDigits(v.nationalId) : undefined, idVerified: !!v.idVerified, fullName: v.fullName ?? undefined}};
    try {
      const c = await api.registerVoicemail(current.caseId, body, once);
      draft?.clear();
      done(`پرونده با کد رهگیری ${codeInText(c.trackingCode)} ثبت شد.`, c);
    } catch (e) { toast(errorText(e), 'error'); }
  }

  async function notAMatter(reason, note) {
    try {
      await api.notAMatter(current.caseId, reason, note || undefined, once);
      draft?.clear();
      done('پیام بسته شد.');
    } catch (e) { toast(errorText(e), 'error'); }
  }

  async function release() {
    try { await api.releaseVoicemail(current.caseId); current = null; showEmpty('پیام به صف بازگشت.'); refresh(); }
    catch (e) { toast(errorText(e), 'error'); }
  }

  function done(message, c) {
    current = null;
    player?.destroy(); idPlayer?.destroy(); player = idPlayer = null;
    mount(work, h('section', {class: 'card span2 saved', id: 'vm-done'},
      h('p', {class: 'notice ok'}, message),
      c ? h('div', {class: 'code-big', id: 'vm-done-code', dataset: {code: c.trackingCode}}, c.trackingCodePersian ?? trackingCode(c.trackingCode)) : null,
      h('button', {type: 'button', class: 'primary big', on: {click: () => claim()}}, 'پیام بعدی')));
    refresh();
  }

  await refresh();
  const mine = queue.find(v => v.claimedBy === app.me.username);
  if (mine) await claim();
  else showEmpty('برای شروع، «دریافت پیام بعدی» را بزنید؛ قدیمی‌ترین پیام به شما سپرده می‌شود.');
  view.dataset.ready = 'true';

  return () => { unbind(); player?.destroy(); idPlayer?.destroy(); };
}
