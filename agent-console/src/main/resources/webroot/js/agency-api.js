// The issue-16 endpoints: the agency desk (liaison), the supervisors' oversight and the complaints board.
import {call} from './api.js';

const id = v => encodeURIComponent(String(v));
const get = (path, params) => call('GET', path, {params});
const post = (path, body) => call('POST', path, {body: body ?? {}});
const put = (path, body) => call('PUT', path, {body});

export const agencyApi = {
  inbox: () => get('/api/agency/inbox'),
  agencyCase: caseId => get(`/api/agency/cases/${id(caseId)}`),
  upload: (caseId, file) => call('POST', `/api/agency/cases/${id(caseId)}/attachments`,
    {body: file, contentType: file.type || 'application/octet-stream', headers: {'X-File-Name': encodeURIComponent(file.name)}}),
  answer: (caseId, text, attachmentIds) => post(`/api/agency/cases/${id(caseId)}/answer`, {text, attachmentIds}),
  extension: (caseId, deadlineClass, reason) => post(`/api/agency/cases/${id(caseId)}/extension`, {deadlineClass, reason}),
  notOurs: (caseId, reason) => post(`/api/agency/cases/${id(caseId)}/not-ours`, {reason}),
  complied: (caseId, note) => post(`/api/agency/cases/${id(caseId)}/complied`, {note}),

  oversight: () => get('/api/oversight'),
  digest: days => get('/api/oversight/digest', {days}),
  agencyReport: params => get('/api/oversight/agency-report', params),
  flags: caseId => get(`/api/cases/${id(caseId)}/flags`),
  sharing: (caseId, recordingsShared, nationalIdShared) => put(`/api/cases/${id(caseId)}/sharing`, {recordingsShared, nationalIdShared}),
  urgent: (caseId, urgent, reason) => post(`/api/cases/${id(caseId)}/urgent`, {urgent, reason}),
  decide: (requestId, approve, note) => post(`/api/extensions/${id(requestId)}/decision`, {approve, note}),

  sessions: () => get('/api/board/sessions'),
  session: sessionId => get(`/api/board/sessions/${id(sessionId)}`),
  move: (sessionId, date, time, reason) => post(`/api/board/sessions/${id(sessionId)}/move`, {date, time, reason}),
  attendance: (sessionId, caseId, attended) => post(`/api/board/sessions/${id(sessionId)}/cases/${id(caseId)}/attendance`, {attended}),
  verdict: (sessionId, caseId, text, complyDays) => post(`/api/board/sessions/${id(sessionId)}/cases/${id(caseId)}/verdict`, {text, complyDays}),
  schedule: () => get('/api/board/schedule'),
  setSchedule: body => put('/api/board/schedule', body),
};
