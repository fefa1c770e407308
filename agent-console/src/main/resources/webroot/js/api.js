// The console's JSON API (agent-console/src/main/resources/openapi.yaml). Every state change carries the
// CSRF token the server gave at sign-in; the session itself is an HttpOnly cookie the page never sees.

let csrfToken = null;
let onUnauthenticated = () => {};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `خطای ${status}`);
    this.status = status;
    this.code = body?.error ?? 'http_' + status;
    this.field = body?.field;
    this.retryAfterSeconds = body?.retryAfterSeconds;
  }
}

export function setCsrf(token) { csrfToken = token; }

/**
 * One form's submissions, made when the form is opened: the same Idempotency-Key for the same
 * request (a double click, a retry after a lost answer), a fresh one when what is sent changes.
 * The server runs a keyed request once and answers repeats with the first answer.
 */
export function submission() {
  const keys = new Map();
  return (request, payload) => {
    const fp = request + '\n' + fingerprint(payload);
    let key = keys.get(fp);
    if (!key) { key = newKey(); keys.set(fp, key); }
    return key;
  };
}

function fingerprint(payload) {
  if (payload instanceof Blob) return `blob:${payload.name ?? ''}:${payload.size}:${payload.lastModified ?? ''}`;
  return typeof payload === 'string' ? payload : '';
}

// crypto.randomUUID needs a secure context; getRandomValues works on plain http to a LAN address too.
function newKey() {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
}
export function whenSignedOut(fn) { onUnauthenticated = fn; }

// Issue 15: a request that finds the session ended waits while the person signs in again in place
// (reauth.js), then goes again, with the same Idempotency-Key, so a half-done save is not lost.
let reauthenticate = null;
export function whenSessionEnds(fn) { reauthenticate = fn; }

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

export async function call(method, path, options = {}, retried = false) {
  const {body, params, raw, contentType, once, headers: extra} = options;
  const headers = {Accept: 'application/json', ...(extra ?? {})};
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload;
  if (body instanceof Blob || body instanceof ArrayBuffer) {
    payload = body;
    headers['Content-Type'] = contentType ?? 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (once) headers['Idempotency-Key'] = once(method + ' ' + path, payload);
  const res = await fetch(path + query(params), {method, headers, body: payload, credentials: 'same-origin'});
  if (raw) return res;
  if (res.status === 204) return null;
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = {message: text}; }
  if (!res.ok) {
    const err = new ApiError(res.status, data);
    if (res.status === 401 && path !== '/api/session') {
      if (reauthenticate && !retried) {
        let again = false;
        try { await reauthenticate(err); again = true; } catch { /* gave up: signed out below */ }
        if (again) return call(method, path, options, true);
      }
      onUnauthenticated(err);
    }
    throw err;
  }
  return data;
}

const get = (path, params) => call('GET', path, {params});
const post = (path, body, once) => call('POST', path, {body: body ?? {}, once});
const put = (path, body) => call('PUT', path, {body});
const del = path => call('DELETE', path);
const id = v => encodeURIComponent(String(v));

export const api = {
  signIn: (username, password) => call('POST', '/api/session', {body: {username, password}}),
  signOut: () => del('/api/session'),
  me: () => get('/api/me'),
  changeOwnPassword: (currentPassword, newPassword, once) => post('/api/me/password', {currentPassword, newPassword}, once),
  reference: () => get('/api/reference'),

  presence: () => get('/api/desk/presence'),
  setPresence: (action, reason) => post('/api/desk/presence', {action, reason}),
  abandoned: (params) => get('/api/desk/abandoned', params),
  calledBack: abandonedId => post(`/api/desk/abandoned/${id(abandonedId)}/called-back`),
  wrapUpCodes: () => get('/api/wrap-up-codes'),
  chooseWrapUp: (callId, code, once) => post(`/api/desk/calls/${id(callId)}/wrap-up`, {code}, once),
  wrapUpReport: (from, to) => get('/api/wrap-up-report', {from, to}),
  wrapUpCsvUrl: (from, to) => `/api/wrap-up-report${query({from, to, format: 'csv'})}`,
  allWrapUpCodes: () => get('/api/admin/wrap-up-codes'),
  addWrapUpCode: (code, label, once) => post('/api/admin/wrap-up-codes', {code, label}, once),
  updateWrapUpCode: (code, body) => put(`/api/admin/wrap-up-codes/${id(code)}`, body),

  searchCases: params => get('/api/cases', params),
  dueCases: params => get('/api/cases/due', params),
  caseById: caseId => get(`/api/cases/${id(caseId)}`),
  registerCase: (body, once) => post('/api/cases', body, once),
  duplicateCheck: nationalId => post('/api/cases/duplicate-check', {nationalId}),
  addMessage: (caseId, body, once) => post(`/api/cases/${id(caseId)}/messages`, body, once),
  refer: (caseId, agencyId, note, once) => post(`/api/cases/${id(caseId)}/refer`, {agencyId, note}, once),
  answer: (caseId, text, recordingId, once) => post(`/api/cases/${id(caseId)}/answer`, {text, recordingId}, once),
  answerAudio: (caseId, file, once) => call('POST', `/api/cases/${id(caseId)}/answer-audio`, {body: file, contentType: 'audio/wav', once}),
  objection: (caseId, note, once) => post(`/api/cases/${id(caseId)}/objection`, {note}, once),
  board: (caseId, note, once) => post(`/api/cases/${id(caseId)}/board`, {note}, once),
  close: (caseId, note, once) => post(`/api/cases/${id(caseId)}/close`, {note}, once),

  voicemails: params => get('/api/voicemails', params),
  voicemailProgress: () => get('/api/voicemails/progress'),
  claimVoicemail: () => post('/api/voicemails/claim'),
  voicemail: caseId => get(`/api/voicemails/${id(caseId)}`),
  releaseVoicemail: caseId => post(`/api/voicemails/${id(caseId)}/release`),
  registerVoicemail: (caseId, body, once) => post(`/api/voicemails/${id(caseId)}/register`, body, once),
  notAMatter: (caseId, reason, note, once) => post(`/api/voicemails/${id(caseId)}/not-a-matter`, {reason, note}, once),

  recording: recId => get(`/api/recordings/${id(recId)}`),
  audioUrl: recId => `/api/recordings/${id(recId)}/audio`,
  transcript: recId => get(`/api/recordings/${id(recId)}/transcript`),

  queue: () => get('/api/queue'),
  reports: () => get('/api/reports'),
  report: (name, from, to) => get(`/api/reports/${id(name)}`, {from, to}),
  reportCsvUrl: (name, from, to) => `/api/reports/${id(name)}${query({from, to, format: 'csv'})}`,

  users: () => get('/api/admin/users'),
  createUser: body => post('/api/admin/users', body),
  updateUser: (username, body) => put(`/api/admin/users/${id(username)}`, body),
  setPassword: (username, password) => post(`/api/admin/users/${id(username)}/password`, {password}),
  agencies: () => get('/api/admin/agencies'),
  addAgency: name => post('/api/admin/agencies', {name}),
  updateAgency: (agencyId, body) => put(`/api/admin/agencies/${id(agencyId)}`, body),
  officeHours: () => get('/api/admin/office-hours'),
  setOfficeHours: body => put('/api/admin/office-hours', body),
  holidays: year => get('/api/admin/holidays', {year}),
  addHoliday: (jalaliDate, name) => post('/api/admin/holidays', {jalaliDate, name}),
  removeHoliday: jalaliDate => del(`/api/admin/holidays/${id(jalaliDate.replaceAll('/', '-'))}`),
  settings: () => get('/api/admin/settings'),
  setSettings: body => put('/api/admin/settings', body),
  audit: params => get('/api/admin/audit', params),
};

/** Persian text for an error shown to people. */
export function errorText(e) {
  if (e instanceof ApiError) {
    const generic = {
      forbidden: 'این کار برای نقش شما مجاز نیست.', csrf: 'نشست نامعتبر است؛ صفحه را دوباره بارگذاری کنید.',
      not_found: 'پیدا نشد.', conflict: 'در وضعیت فعلی این کار ممکن نیست.', unavailable: 'سرویس در دسترس نیست.',
      ami_unavailable: 'ارتباط با مرکز تلفن برقرار نیست.', session_expired: 'نشست شما پایان یافته است.',
    };
    // The server's messages are written for people (in Persian); prefer them.
    return e.message && !/^خطای \d+$/.test(e.message) ? e.message : generic[e.code] ?? e.message;
  }
  return 'ارتباط با سرور برقرار نشد.';
}
