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
    restored = Object.values(stored.values).some(v => v !== '' && v !== false && v != null);
    onRestore(stored.context ?? null);
  }
  const save = () => {
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
  return {restored, save, clear: () => clearDraft(name)};
}
