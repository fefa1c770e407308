// The signed-in user's own account: change one's own password (POST /api/me/password). The current password
// is asked for; the new one follows the same rules as everywhere (at least 10 characters, at most 72 bytes);
// every other session of the user ends, this one stays.
import {api, errorText, submission} from '../api.js';
import {app} from '../app.js';
import {h, mount, field, toast} from '../dom.js';
import {ROLES} from '../labels.js';

const MIN = 10;
const MAX_BYTES = 72;

/** The rule the new password breaks, in Persian; null when it keeps them all. */
function problem(current, fresh, again) {
  if (fresh.length < MIN) return 'گذرواژهٔ تازه دست‌کم ۱۰ نویسه است.';
  if (new TextEncoder().encode(fresh).length > MAX_BYTES) return 'گذرواژهٔ تازه حداکثر ۷۲ بایت است (هر حرف فارسی ۲ بایت).';
  if (fresh === current) return 'گذرواژهٔ تازه باید با گذرواژهٔ کنونی فرق کند.';
  if (fresh !== again) return 'تکرار گذرواژهٔ تازه با خودش یکی نیست.';
  return null;
}

export async function render(view) {
  const once = submission();
  const roles = app.me.roles.map(r => ROLES[r.toUpperCase()] ?? r).join('، ');
  const current = h('input', {name: 'currentPassword', id: 'current-password', type: 'password', required: true, dir: 'ltr', autocomplete: 'current-password'});
  const fresh = h('input', {name: 'newPassword', id: 'new-password', type: 'password', required: true, minlength: MIN, dir: 'ltr', autocomplete: 'new-password'});
  const again = h('input', {name: 'newPasswordAgain', id: 'new-password-again', type: 'password', required: true, minlength: MIN, dir: 'ltr', autocomplete: 'new-password'});
  const error = h('div', {class: 'notice bad', id: 'account-error', hidden: true});
  const done = h('div', {class: 'notice ok', id: 'account-done', hidden: true}, 'گذرواژهٔ شما عوض شد. نشست‌های دیگر شما بسته شدند؛ این نشست باز می‌ماند.');
  const submit = h('button', {type: 'submit', class: 'primary', id: 'account-submit'}, 'تغییر گذرواژه');
  const show = message => { error.textContent = message; error.hidden = false; };
  // novalidate: the rules are said in Persian below, not in the browser's own language.
  const form = h('form', {id: 'account-form', novalidate: true, on: {submit: async e => {
    e.preventDefault();
    error.hidden = true;
    done.hidden = true;
    const wrong = problem(current.value, fresh.value, again.value);
    if (wrong) { show(wrong); return; }
    submit.disabled = true;
    try {
      await api.changeOwnPassword(current.value, fresh.value, once);
      form.reset();
      done.hidden = false;
      toast('گذرواژه عوض شد.', 'ok');
    } catch (err) {
      show(err.code === 'wrong_password' ? 'گذرواژهٔ کنونی درست نیست.'
        : err.code === 'too_many_attempts' ? `تلاش‌های ناموفق زیاد بود؛ ${err.retryAfterSeconds ?? 'چند'} ثانیه دیگر دوباره امتحان کنید.`
          : errorText(err));
      (err.field === 'newPassword' ? fresh : current).focus();
    } finally {
      submit.disabled = false;
    }
  }}},
  field('گذرواژهٔ کنونی', current),
  field('گذرواژهٔ تازه', fresh, 'دست‌کم ۱۰ نویسه و حداکثر ۷۲ بایت'),
  field('تکرار گذرواژهٔ تازه', again),
  error, done, h('div', {class: 'row', style: {marginTop: '10px'}}, submit));
  mount(view, h('h1', null, 'حساب من'),
    h('div', {class: 'card'},
      h('p', null, 'نام کاربری: ', h('bdi', {dir: 'ltr', id: 'account-username'}, app.me.username), ' — ', roles),
      h('h2', null, 'تغییر گذرواژه'), form));
  view.dataset.ready = 'true';
  current.focus();
}
