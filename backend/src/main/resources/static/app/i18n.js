// The texts in Dutch and English. Dutch is the default; the choice is kept in localStorage for the next visit.
const LANGUAGES = ['nl', 'en'];
const KEY = 'nabij.language';
const texts = {};
let current = 'nl';

export async function loadLanguages() {
  await Promise.all(LANGUAGES.map(async (language) => {
    const response = await fetch(`/app/i18n/${language}.json`);
    texts[language] = await response.json();
  }));
  const stored = localStorage.getItem(KEY);
  setLanguage(LANGUAGES.includes(stored) ? stored : 'nl');
}

export function language() {
  return current;
}

export function setLanguage(language) {
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
  const text = texts[current]?.[key] ?? texts.nl?.[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** A text for an enum value, e.g. label('domain', 'WMO'); the value itself when there is none. */
export function label(kind, value) {
  const key = `${kind}.${value}`;
  const text = t(key);
  return text === key ? String(value).replace(/[_-]/g, ' ').toLowerCase() : text;
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
