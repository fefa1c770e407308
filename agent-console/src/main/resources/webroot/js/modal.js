// Dialogs over the page (issue 15): a confirmation before an action that cannot be undone, and the
// frame the in-place sign-in uses. The page behind stays as it was: nothing typed there is lost.
import {h} from './dom.js';

/** Shows a modal dialog with {@code content}; returns {el, close}. Escape and the backdrop do not close it by accident. */
export function modal(id, ...content) {
  const box = h('div', {class: 'modal', role: 'dialog', 'aria-modal': 'true', id}, ...content);
  const backdrop = h('div', {class: 'modal-backdrop', dataset: {modal: id}}, box);
  document.body.appendChild(backdrop);
  return {el: box, close: () => backdrop.remove()};
}

/**
 * Asks before an irreversible action. Resolves true on «ok», false on «cancel» or Escape.
 * {text} may be a string or nodes (codes inside it bidi-isolated by the caller).
 */
export function confirmDialog({title, text, ok = 'بله، انجام شود', cancel = 'انصراف', danger = true, id = 'confirm'}) {
  return new Promise(resolve => {
    let m;
    const done = v => { document.removeEventListener('keydown', onKey, true); m.close(); resolve(v); };
    const onKey = e => { if (e.key === 'Escape') { e.preventDefault(); done(false); } };
    const okBtn = h('button', {type: 'button', class: danger ? 'danger' : 'primary', id: id + '-ok', on: {click: () => done(true)}}, ok);
    const noBtn = h('button', {type: 'button', id: id + '-cancel', on: {click: () => done(false)}}, cancel);
    m = modal(id, h('h2', null, title), h('p', null, text), h('div', {class: 'row modal-actions'}, okBtn, noBtn));
    document.addEventListener('keydown', onKey, true);
    noBtn.focus(); // the safe choice has the focus: Enter alone does not close a message
  });
}
