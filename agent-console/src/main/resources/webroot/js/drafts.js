// Drafts in the browser (issue 15): what a person types into a form is kept in localStorage, per user
// and per form, until it is saved; a reload, a closed tab or an expired session gives it back.
// Nothing leaves the machine; a signed-out user's drafts stay for that user alone.
import {app} from './app.js';

const PREFIX = 'line111.draft.v1.';
const key = name => PREFIX + (app.me?.username ?? '-') + '.' + name;

function read(name) {
  try { return JSON.parse(localStorage.getItem(key(name)) ?? 'null'); } catch { return null; }
}

/** The stored draft of a form ({values, context, savedAt}) or null. */
export function draftOf(name) { return read(name); }

/** Stores {@code draft} (as {@link draftOf} gives it) under {@code name}; null clears it. */
export function putDraft(name, draft) {
  try {
    if (draft?.values) localStorage.setItem(key(name), JSON.stringify(draft));
    else localStorage.removeItem(key(name));
  } catch { /* storage full or off */ }
}

/** Whether a stored draft holds anything typed. */
export const hasContent = draft => !!draft?.values && Object.values(draft.values).some(v => v !== '' && v !== false && v != null);

export function clearDraft(name) {
  try { localStorage.removeItem(key(name)); } catch { /* storage off: nothing kept */ }
}

function valuesOf(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    out[el.name] = el.type === 'checkbox' ? el.checked : el.value;
  }
  return out;
}

/**
 * Keeps {@code form}'s fields as a draft named {@code name}, and gives back a stored one into it.
 * {@code context()} adds what the form alone does not hold (the call it belongs to); {@code onRestore}
 * gets that context back. Returns {restored, clear, save}.
 */
export function keepDraft(form, name, {context = () => null, onRestore = () => {}} = {}) {
  const stored = read(name);
  let restored = false;
  if (stored?.values) {
    for (const el of form.elements) {
      if (!el.name || !(el.name in stored.values)) continue;
      if (el.type === 'checkbox') el.checked = !!stored.values[el.name];
      else el.value = stored.values[el.name];
    }
    restored = hasContent(stored);
    onRestore(stored.context ?? null);
  }
  let stopped = false;
  const save = () => {
    // A replaced form (a new call's form took its place) must not write over the new one's draft:
    // Chromium sends the focused field's change event as it is taken off the page.
    if (stopped || !form.isConnected) return;
    const values = valuesOf(form);
    const typed = Object.entries(values).some(([, v]) => v !== '' && v !== false);
    try {
      if (!typed) localStorage.removeItem(key(name));
      else localStorage.setItem(key(name), JSON.stringify({values, context: context(), savedAt: new Date().toISOString()}));
    } catch { /* storage full or off: the form still works */ }
  };
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  form.addEventListener('reset', () => setTimeout(() => clearDraft(name), 0));
  if (restored) form.dataset.draftRestored = 'true';
  return {restored, save, clear: () => clearDraft(name), stop: () => { stopped = true; }};
}
