// The texts in Dutch and English. Dutch is the default; the choice is kept in localStorage for the next visit.
const LANGUAGES = ['nl', 'en'];
const KEY = 'nabij.language';
const texts = {};
let current = 'nl';

/**
 * Loads the texts of the chosen language only (Dutch unless another was chosen before): both files together are
 * about twice the bytes on a first visit. They come from this release's fingerprinted folder, next to this module,
 * so a later visit takes them from the cache without asking the server.
 */
export async function loadLanguages() {
  const stored = localStorage.getItem(KEY);
  await setLanguage(LANGUAGES.includes(stored) ? stored : 'nl');
}

async function load(language) {
  if (texts[language]) return;
  const response = await fetch(new URL(`./i18n/${language}.json`, import.meta.url));
  if (!response.ok) throw new Error(`HTTP ${response.status} for the ${language} texts`);
  texts[language] = await response.json();
}

export function language() {
  return current;
}

export async function setLanguage(language) {
  await load(language);
  current = language;
  localStorage.setItem(KEY, language);
  document.documentElement.lang = language;
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === language));
  }
  translateStatic(document);
}

/** The text for a key in the current language, with {name} placeholders filled; the key itself when missing. */
export function t(key, values = {}) {
  // Both languages have the same keys (WebAppTextsTest), so the chosen language's texts are all it needs. A key
  // without a text is a mistake in the app: said in the console, where the browser tests look for it.
  const text = texts[current]?.[key];
  if (text === undefined) {
    console.warn(`missing text: ${key}`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** Whether there is a text for this key, for a code that may have none (an error code from a newer server). */
export function has(key) {
  return texts[current]?.[key] !== undefined;
}

/** A text for an enum value, e.g. label('domain', 'WMO'); the value itself when there is none. */
export function label(kind, value) {
  const key = `${kind}.${value}`;
  return has(key) ? t(key) : String(value).replace(/[_-]/g, ' ').toLowerCase();
}

/** The fixed markup of index.html: elements marked data-i18n (text) or data-i18n-aria-label. */
function translateStatic(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll('[data-i18n-aria-label]')) {
    element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
  }
}

export function formatDate(iso) {
  if (!iso) return '';
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(current, { day: 'numeric', month: 'short', year: 'numeric' })
    .format(new Date(year, month - 1, day));
}

export function formatDateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatNumber(value, digits = 0) {
  return new Intl.NumberFormat(current, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}
