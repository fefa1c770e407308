// Signing in again in place (issue 15): when the session has ended, the request that found out waits,
// a sign-in dialog opens over the page (what was typed stays where it is), and after a successful
// sign-in as the same user the request is sent again. Another user, or «خروج», goes to the sign-in page.
import {api, setCsrf, errorText} from './api.js';
import {h} from './dom.js';
import {modal} from './modal.js';

let pending = null; // one dialog for every request that hit the expired session at once

/** Resolves with the new session (csrf set) or rejects when the person gives up. */
export function signInAgain(username, fullName) {
  if (pending) return pending;
  pending = new Promise((resolve, reject) => {
    const error = h('div', {class: 'notice bad', id: 'reauth-error', hidden: true});
    const pass = h('input', {type: 'password', id: 'reauth-password', autocomplete: 'current-password', required: true, dir: 'ltr'});
    const submit = h('button', {type: 'submit', class: 'primary', id: 'reauth-submit'}, 'ورود و ادامه');
    const leave = h('button', {type: 'button', class: 'link', id: 'reauth-leave'}, 'خروج');
    let m;
    const form = h('form', {on: {submit: async e => {
      e.preventDefault();
      submit.disabled = true;
      error.hidden = true;
      try {
        const me = await api.signIn(username, pass.value);
        setCsrf(me.csrfToken);
        m.close();
        pending = null;
        resolve(me);
      } catch (err) {
        error.textContent = err.code === 'too_many_attempts'
          ? `تلاش‌های ناموفق زیاد بود؛ ${err.retryAfterSeconds ?? 'چند'} ثانیه دیگر دوباره امتحان کنید.`
          : err.status === 401 ? 'گذرواژه درست نیست.' : errorText(err);
        error.hidden = false;
        pass.value = '';
        pass.focus();
      } finally { submit.disabled = false; }
    }}},
    h('p', null, 'نشست شما به پایان رسید. آنچه نوشته‌اید سر جایش مانده است؛ گذرواژه را بزنید تا کار از همان‌جا ادامه یابد.'),
    h('label', {class: 'field'}, h('span', {class: 'field-label'}, 'نام کاربری'),
      h('input', {id: 'reauth-username', value: username, readonly: true, dir: 'ltr'})),
    h('label', {class: 'field'}, h('span', {class: 'field-label'}, 'گذرواژه'), pass),
    error,
    h('div', {class: 'row modal-actions'}, submit, leave));
    leave.addEventListener('click', () => { m.close(); pending = null; reject(new Error('signed out')); });
    m = modal('reauth', h('h2', null, 'ورود دوباره', fullName ? h('span', {class: 'muted'}, ' — ', fullName) : null), form);
    pass.focus();
  });
  return pending;
}
