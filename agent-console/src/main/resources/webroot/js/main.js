// Start-up, sign-in and the hash router. Each page is a module with render(view, params) that may return
// a clean-up function, called when the user leaves the page.
import {api, setCsrf, whenSignedOut, whenSessionEnds, errorText} from './api.js';
import {app, hasRole} from './app.js';
import {h, mount, toast, clearToasts} from './dom.js';
import {signInAgain} from './reauth.js';
import * as ws from './ws.js';
import {ROLES} from './labels.js';
import {count} from './fmt.js';

const PAGES = [
  {path: 'desk', title: 'میز پاسخگویی', roles: ['operator'], load: () => import('./pages/desk.js')},
  {path: 'workbench', title: 'پیام‌های ضبط‌شده', roles: ['transcriber'], load: () => import('./pages/workbench.js')},
  {path: 'cases', title: 'پرونده‌ها', roles: ['operator', 'transcriber', 'supervisor'], load: () => import('./pages/cases.js')},
  {path: 'due', title: 'سررسید این هفته', roles: ['operator', 'supervisor'], load: () => import('./pages/due.js')},
  {path: 'case', title: 'پرونده', roles: ['operator', 'transcriber', 'supervisor'], load: () => import('./pages/case.js'), hidden: true},
  {path: 'queue', title: 'صف زنده', roles: ['supervisor'], load: () => import('./pages/queue.js')},
  {path: 'reports', title: 'گزارش‌ها', roles: ['supervisor', 'admin'], load: () => import('./pages/reports.js')},
  {path: 'wrapup-report', title: 'کدهای پایان تماس', roles: ['supervisor', 'admin'], load: () => import('./pages/wrapup-report.js')},
  {path: 'agency', title: 'کارتابل دستگاه', roles: ['liaison'], load: () => import('./pages/agency.js')},
  {path: 'oversight', title: 'دستگاه‌ها', roles: ['supervisor'], load: () => import('./pages/oversight.js')},
  {path: 'board', title: 'هیأت رسیدگی', roles: ['supervisor'], load: () => import('./pages/board.js')},
  {path: 'admin', title: 'مدیریت', roles: ['admin'], load: () => import('./pages/admin.js')},
  // Every role: reached from the name in the header (#who-name), not the nav.
  {path: 'account', title: 'حساب من', roles: Object.keys(ROLES).map(r => r.toLowerCase()), load: () => import('./pages/account.js'), hidden: true},
];

const view = document.getElementById('view');
let cleanup = null;

function home() {
  return PAGES.find(p => !p.hidden && hasRole(...p.roles))?.path ?? 'cases';
}

function renderNav(active) {
  const nav = document.getElementById('nav');
  mount(nav, PAGES.filter(p => !p.hidden && hasRole(...p.roles)).map(p =>
    h('a', {href: '#/' + p.path, class: p.path === active ? 'active' : null, dataset: {page: p.path}}, p.title)));
  const roles = app.me.roles.map(r => ROLES[r.toUpperCase()] ?? r).join('، ');
  document.getElementById('who-name').textContent = `${app.me.fullName || app.me.username} (${roles})`;
}

async function route() {
  if (cleanup) { try { cleanup(); } catch { /* a page's clean-up must not stop navigation */ } cleanup = null; }
  clearToasts(); // a page's messages do not follow the user to the next one
  const [path, ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (!app.me) return showSignIn();
  const page = PAGES.find(p => p.path === path);
  if (!page) { location.replace('#/' + home()); return; }
  if (!hasRole(...page.roles)) {
    // E.g. signed in as someone else on a page left open: go to this role's own start page.
    toast('این بخش برای نقش شما در دسترس نیست.', 'error', {survive: 1});
    location.replace('#/' + home());
    return;
  }
  renderNav(page.path === 'case' ? 'cases' : page.path);
  document.title = `${page.title} — سامانه ۱۱۱`;
  view.classList.remove('bare');
  view.dataset.page = page.path;
  view.dataset.ready = 'false'; // each page says when its data is in
  mount(view, h('p', {class: 'muted'}, 'در حال بارگذاری…'));
  try {
    const mod = await page.load();
    const result = await mod.render(view, params);
    cleanup = typeof result === 'function' ? result : null;
  } catch (e) {
    console.error(e);
    mount(view, h('div', {class: 'notice bad'}, errorText(e)));
  }
}

function showSignIn(message) {
  document.getElementById('topbar').hidden = true;
  view.classList.add('bare');
  view.dataset.page = 'signin';
  document.title = 'ورود — سامانه ۱۱۱';
  const error = h('div', {class: 'notice bad', hidden: !message, id: 'signin-error'}, message ?? '');
  const user = h('input', {name: 'username', id: 'username', autocomplete: 'username', required: true, dir: 'ltr'});
  const pass = h('input', {name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true, dir: 'ltr'});
  const submit = h('button', {type: 'submit', class: 'primary big', id: 'signin-submit'}, 'ورود');
  const form = h('form', {on: {submit: async e => {
    e.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      await signedIn(await api.signIn(user.value.trim(), pass.value));
      // Stay on the page in the address bar when this role may see it, else go to the role's own start page.
      const wanted = PAGES.find(p => p.path === location.hash.replace(/^#\/?/, '').split('/')[0]);
      if (wanted && hasRole(...wanted.roles)) route();
      else location.hash = '#/' + home();
    } catch (err) {
      error.textContent = err.code === 'too_many_attempts'
        ? `تلاش‌های ناموفق زیاد بود؛ ${err.retryAfterSeconds != null ? count(err.retryAfterSeconds) : 'چند'} ثانیه دیگر دوباره امتحان کنید.`
        : err.status === 401 ? 'نام کاربری یا گذرواژه درست نیست.' : errorText(err);
      error.hidden = false;
      pass.value = '';
      pass.focus();
    } finally {
      submit.disabled = false;
    }
  }}},
  h('label', {class: 'field'}, h('span', {class: 'field-label'}, 'نام کاربری'), user),
  h('label', {class: 'field'}, h('span', {class: 'field-label'}, 'گذرواژه'), pass),
  error, submit);
  mount(view, h('div', {class: 'signin card'},
    h('h1', null, 'سامانه ۱۱۱'),
    h('p', {class: 'muted', style: {textAlign: 'center'}}, 'سامانه ارتباط مردم و دولت — میز کار کارشناسان، پیاده‌سازان و ناظران'),
    form));
  user.focus();
}

async function signedIn(me) {
  document.getElementById('toasts').replaceChildren();
  app.me = {...me, roles: (me.roles ?? []).map(r => String(r).toLowerCase())};
  setCsrf(me.csrfToken);
  try { app.ref = await api.reference(); } catch { app.ref = null; }
  document.getElementById('topbar').hidden = false;
  ws.connect();
}

function signedOut(message) {
  app.me = null;
  app.ref = null;
  setCsrf(null);
  ws.disconnect();
  if (cleanup) { try { cleanup(); } catch { /* ignore */ } cleanup = null; }
  showSignIn(message);
}

// The server greets every socket it has attached to this user; from then on screen-pops can arrive.
ws.onMessage('hello', () => { document.body.dataset.live = 'hello'; });
ws.onState(up => {
  if (!up) delete document.body.dataset.live;
  const dot = document.getElementById('ws-state');
  dot.classList.toggle('up', up);
  dot.title = up ? 'اتصال زنده برقرار است' : 'اتصال زنده قطع است؛ دوباره وصل می‌شود…';
});
// An ended session does not throw the page away (issue 15): sign in again over it, then carry on.
async function reauthenticate() {
  if (!app.me) throw new Error('not signed in');
  const me = await signInAgain(app.me.username, app.me.fullName);
  app.me = {...app.me, csrfToken: me.csrfToken};
  ws.disconnect();
  ws.connect();
}
whenSessionEnds(reauthenticate);
ws.onMessage('session-expired', () => {
  reauthenticate().catch(() => { if (app.me) signedOut('نشست شما پایان یافت؛ دوباره وارد شوید.'); });
});
whenSignedOut(() => { if (app.me) signedOut('نشست شما پایان یافت؛ دوباره وارد شوید.'); });

document.getElementById('sign-out').addEventListener('click', async () => {
  try { await api.signOut(); } catch (e) { if (e.status !== 401) toast(errorText(e), 'error'); }
  signedOut();
});
window.addEventListener('hashchange', route);

(async () => {
  try {
    await signedIn(await api.me());
  } catch {
    app.me = null;
  }
  route();
})();
