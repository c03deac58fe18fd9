// Building the screens from elements, never from HTML strings: names and texts from the API stay text.
import { has, t } from './i18n.js';

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'value') element.value = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

export function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function clear(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

let fieldCount = 0;

/** A labelled control with room for a hint and an error; `name` is the input field the API's errors name. */
export function field(labelText, control, { hint, name } = {}) {
  const id = control.id || `field-${++fieldCount}`;
  control.id = id;
  const hintElement = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  control.setAttribute('aria-describedby', [hintElement?.id, error.id].filter(Boolean).join(' '));
  if (name) control.dataset.field = name;
  return h('div', { class: 'field' }, h('label', { for: id }, labelText), hintElement, error, control);
}

/** A checkbox or radio button with its label after it; one that the API's errors name is described by its error. */
export function choice(labelText, control, { name } = {}) {
  const id = control.id || `field-${++fieldCount}`;
  control.id = id;
  const box = h('div', { class: 'choice' }, control, h('label', { for: id }, labelText));
  if (!name) return box;
  control.dataset.field = name;
  control.setAttribute('aria-describedby', `${id}-error`);
  return h('div', {}, h('p', { class: 'field-error', id: `${id}-error`, hidden: true }), box);
}

/** A group of controls under one legend, with room for an error about the group. */
export function group(legend, controls, { name, className = 'choices' } = {}) {
  const id = `group-${++fieldCount}`;
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const fieldset = h('fieldset', { 'aria-describedby': error.id }, h('legend', {}, legend), error,
    h('div', { class: className }, controls));
  if (name) fieldset.dataset.field = name;
  return fieldset;
}

/** Shows the API's typed errors next to their fields, with a summary that takes the focus. */
export function showErrors(form, summary, errors) {
  for (const control of form.querySelectorAll('[aria-invalid="true"]')) control.removeAttribute('aria-invalid');
  for (const message of form.querySelectorAll('.field-error')) message.hidden = true;
  if (!errors.length) {
    clear(summary);
    summary.hidden = true;
    return;
  }
  const items = errors.map((error) => {
    const text = errorText(error);
    const target = form.querySelector(`[data-field="${CSS.escape(error.field)}"]`);
    if (!target) return h('li', {}, text);
    const message = document.getElementById(`${target.id}-error`)
      ?? document.getElementById(target.getAttribute('aria-describedby')?.split(' ').pop());
    if (message) {
      message.textContent = text;
      message.hidden = false;
    }
    target.setAttribute('aria-invalid', 'true');
    const focusable = target.matches('fieldset') ? target.querySelector('input') : target;
    // In the summary each error names its field: "Vul dit in." alone does not say where.
    const name = target.matches('fieldset')
      ? target.querySelector('legend')?.textContent
      : form.querySelector(`label[for="${CSS.escape(focusable.id)}"]`)?.textContent;
    return h('li', {}, h('a', { href: `#${focusable.id}`, onclick: (event) => {
      event.preventDefault();
      focusable.focus();
    } }, name ? `${name}: ${text}` : text));
  });
  clear(summary, h('h2', {}, t('errors.summary')), h('ul', {}, items));
  summary.hidden = false;
  summary.focus();
}

/** An API error code in the current language; a general text when there is none, never the API's own message. */
export function errorText(error) {
  const key = `error.${error.code}`;
  return has(key) ? t(key) : t('error.unknown');
}

export function notice(kind, ...children) {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, children);
}

/** Something long is going on: a progress bar (indeterminate unless a value is set) and what it is. */
export function busy(text) {
  return h('div', { class: 'busy', role: 'status' }, h('progress', { 'aria-label': text }), h('span', {}, text));
}

export function table(caption, headers, rows, { numeric = [] } = {}) {
  // A table wider than a phone scrolls inside its wrapper, which the keyboard must reach too: it takes the focus.
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((header, index) =>
      h('th', { scope: 'col', class: numeric.includes(index) ? 'number' : null }, header)))),
    h('tbody', {}, rows.map((row) => h('tr', row.attributes ?? {}, row.cells.map((cell, index) =>
      h('td', { class: numeric.includes(index) ? 'number' : null }, cell)))))));
}

export function facts(pairs, { small = false } = {}) {
  return h('dl', { class: small ? 'facts small' : 'facts' }, pairs.map(([term, value, attributes]) =>
    h('div', attributes ?? {}, h('dt', {}, term), h('dd', {}, value))));
}

/** Today as an ISO date in the user's own time zone. */
export function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

export function announce(text) {
  const announcer = document.getElementById('announcer');
  announcer.textContent = '';
  requestAnimationFrame(() => { announcer.textContent = text; });
}

/** Empty inputs go to the API as null: an empty e-mail address is none, not a malformed one. */
export function valueOf(control) {
  const value = control.value.trim();
  return value === '' ? null : value;
}
