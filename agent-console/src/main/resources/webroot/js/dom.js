// Every element of the console is built here. Data only ever reaches the page as text nodes or
// attribute values, never as markup: no innerHTML anywhere, so a caller's words cannot become script.

/**
 * h('div', {class: 'x', on: {click: fn}}, 'text', child, [more]) — strings become text nodes,
 * null/false children are skipped, arrays are flattened.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key === 'on') {
        for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
      } else if (key === 'class') {
        el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      } else if (key === 'dataset') {
        Object.assign(el.dataset, value);
      } else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden') {
        el[key] = value;
      } else if (key === 'style' && typeof value === 'object') {
        Object.assign(el.style, value);
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the children of el with the given ones. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/** A <select> of [value, label] pairs. */
export function select(attrs, options, selected) {
  return h('select', attrs,
    options.map(([value, label]) => h('option', {value, selected: String(value) === String(selected ?? '')}, label)));
}

/** A labelled form field. */
export function field(label, control, hint) {
  return h('label', {class: 'field'}, h('span', {class: 'field-label'}, label), control,
    hint ? h('small', {class: 'muted'}, hint) : null);
}

const TOASTS_AT_MOST = 3;

/**
 * A short message in the corner (issue 15): dismissible (×), at most three at once (the oldest goes),
 * gone after a while and when the user moves to another page ({@link clearToasts}).
 * {@code survive}: how many page changes it outlives (a message about the redirect itself).
 */
export function toast(message, kind = 'info', {survive = 0} = {}) {
  const box = document.getElementById('toasts');
  const close = h('button', {type: 'button', class: 'toast-close', title: 'بستن', 'aria-label': 'بستن پیام'}, '×');
  const t = h('div', {class: ['toast', kind], dataset: {survive}}, h('span', {class: 'toast-text'}, message), close);
  close.addEventListener('click', () => t.remove());
  box.appendChild(t);
  while (box.children.length > TOASTS_AT_MOST) box.firstElementChild.remove();
  setTimeout(() => t.remove(), kind === 'error' ? 8000 : 4000);
  return t;
}

/** Removes the toasts of the page being left. */
export function clearToasts() {
  for (const t of [...(document.getElementById('toasts')?.children ?? [])]) {
    const left = Number(t.dataset.survive ?? 0);
    if (left > 0) t.dataset.survive = String(left - 1);
    else t.remove();
  }
}

/** Reads a form's named controls into an object (trimmed strings, '' → null). */
export function formValues(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') out[el.name] = el.checked;
    else if (el.type === 'radio') { if (el.checked) out[el.name] = el.value; }
    else out[el.name] = el.value.trim() === '' ? null : el.value.trim();
  }
  return out;
}
