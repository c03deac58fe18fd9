// The web app's shell: the menu for the signed-in user's role, the language switch, the live notifications, and the
// screens, switched in the browser with the History API so every screen has its own address.
import { forget, graphql, session, sessionEvents, signOut } from './api.js';
import { announce, clear, h, notice } from './dom.js';
import { loadLanguages, setLanguage, t } from './i18n.js';
import { subscribeToNotifications } from './live.js';
import { failure, heading } from './screen.js';

const STAFF_WITH_HOUSEHOLDS = ['PROFESSIONAL', 'TEAM_LEAD'];

/** Every screen: its address, its module, who may open it (public: anyone), and its menu text. */
const ROUTES = [
  { path: '/', module: 'home', public: true },
  { path: '/sign-in', module: 'sign-in', public: true, menu: 'nav.signIn' },
  { path: '/sign-in/callback', module: 'sign-in-callback', public: true },
  { path: '/households', module: 'households', roles: STAFF_WITH_HOUSEHOLDS, menu: 'nav.households' },
  { path: '/notifications', module: 'notifications', roles: STAFF_WITH_HOUSEHOLDS, menu: 'nav.notifications' },
  { path: '/overlap', module: 'overlap', roles: STAFF_WITH_HOUSEHOLDS, menu: 'nav.overlap' },
  { path: '/network', module: 'network', roles: ['ANALYST', 'TEAM_LEAD', 'PROFESSIONAL', 'ADMINISTRATOR'], menu: 'nav.network' },
  { path: '/steering', module: 'steering', roles: ['ANALYST', 'TEAM_LEAD', 'PROFESSIONAL', 'ADMINISTRATOR'], menu: 'nav.steering' },
  { path: '/volunteers', module: 'volunteer-review', roles: ['TEAM_LEAD'], menu: 'nav.volunteers' },
  { path: '/my-data', module: 'my-data', roles: ['RESIDENT'], menu: 'nav.myData' },
  { path: '/grants', module: 'grants', roles: ['ADMINISTRATOR'], menu: 'nav.grants' },
  { path: '/volunteer-links', module: 'volunteer-links', roles: ['ADMINISTRATOR'], menu: 'nav.volunteerLinks' },
  { path: '/audit', module: 'audit', roles: ['AUDITOR'], menu: 'nav.audit' },
  { path: '/volunteer/register', module: 'volunteer-register', public: true, menu: 'nav.register' },
  { path: '/volunteer/confirm', module: 'volunteer-confirm', public: true },
  { path: '/volunteer/mine', module: 'volunteer-mine', public: true },
  { path: '/social-map', module: 'social-map', public: true, menu: 'nav.socialMap' },
];

export const notifications = new EventTarget();
let unread = 0;
let stopLive = null;
let live = 'offline';

/** Whether the live notifications are connected: live, offline or error. */
export function liveState() {
  return live;
}

export function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  show();
}

export function allowed(route, user) {
  return route.public || (user && route.roles.includes(user.role));
}

export function menuRoutes(user) {
  // Signing in and registering as a volunteer are for those who are not signed in.
  return ROUTES.filter((route) => route.menu && allowed(route, user)
    && !(user && ['sign-in', 'volunteer-register'].includes(route.module)));
}

export function setUnread(count) {
  unread = count;
  renderMenu();
}

function renderMenu() {
  const user = session();
  const list = document.getElementById('menu-list');
  clear(list, menuRoutes(user).map((route) => h('li', {},
    h('a', { href: route.path, 'data-route': true, 'aria-current': location.pathname === route.path ? 'page' : null },
      t(route.menu),
      route.module === 'notifications' && unread > 0
        ? h('span', { class: 'badge' }, h('span', { class: 'visually-hidden' }, ', '), t('nav.unread', { count: unread }))
        : null))));
  document.getElementById('signed-in-as').textContent = user
    ? t('signedInAs', { username: user.username, role: t(`role.${user.role}`) }) : '';
  document.getElementById('sign-out').hidden = !user;
}

async function show() {
  const main = document.getElementById('main');
  const user = session();
  const route = ROUTES.find((candidate) => candidate.path === location.pathname);
  document.getElementById('menu').classList.remove('open');
  document.getElementById('menu-toggle').setAttribute('aria-expanded', 'false');
  renderMenu();
  if (!route) {
    clear(main, heading(t('notFound.title')), h('p', {}, t('notFound.text')),
      h('p', {}, h('a', { href: '/', 'data-route': true }, t('notFound.home'))));
    settle(main);
    return;
  }
  if (!route.public && !user) {
    navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    return;
  }
  main.setAttribute('aria-busy', 'true');
  try {
    if (!allowed(route, user)) {
      clear(main, h('h1', { id: 'no-access', tabindex: '-1' }, t('noAccess.title')), notice('error', h('p', {}, t('noAccess.text'))));
    } else {
      const screen = await screenModule(route);
      clear(main);
      await screen.render(main, { params: new URLSearchParams(location.search), user });
    }
  } catch (error) {
    if (error.kind === 'unauthorized') {
      forget();
      // The unread count, asked for at the same time, may have found the session gone and gone to sign-in already.
      if (!location.pathname.startsWith('/sign-in')) {
        navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}&expired=1`, { replace: true });
      }
      return;
    }
    // A screen that failed keeps its heading, shows no progress beside the error, and offers to try again.
    for (const progress of main.querySelectorAll('.busy')) progress.remove();
    if (!main.querySelector('h1')) main.prepend(heading(t(route.menu ?? 'nav.home')));
    main.append(failure(error, show));
  } finally {
    main.removeAttribute('aria-busy');
  }
  settle(main);
}

/** The title names the screen, and the focus goes to its heading unless the screen put it somewhere itself. */
function settle(main) {
  // A screen may have changed its own address: back from the identity provider, a failed sign-in is /sign-in.
  renderMenu();
  const title = main.querySelector('h1');
  document.title = title ? `${title.textContent} – Nabij` : 'Nabij';
  if (title && document.activeElement !== title && !main.contains(document.activeElement)) {
    title.tabIndex = -1;
    title.focus({ preventScroll: true });
  }
}

/** The server no longer knows this tab's session: back to signing in, which says so, and then back here. */
function sessionExpired() {
  stopLive?.();
  stopLive = null;
  setUnread(0);
  if (location.pathname.startsWith('/sign-in')) return;
  navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}&expired=1`, { replace: true });
}

/** After sign-in (or a reload while signed in): the unread count and, for professionals, the live subscription. */
export async function startSession() {
  stopLive?.();
  stopLive = null;
  unread = 0;
  const user = session();
  if (!user || !STAFF_WITH_HOUSEHOLDS.includes(user.role)) return;
  try {
    const data = await graphql('{ myNotifications(unreadOnly: true, first: 100) { edges { node { id } } } }');
    setUnread(data.myNotifications.edges.length);
  } catch (error) {
    if (error.kind === 'unauthorized') forget();
    return;
  }
  stopLive = subscribeToNotifications({
    onNotification: (notification) => {
      setUnread(unread + 1);
      announce(t('notifications.arrived', { organisation: notification.organisation }));
      notifications.dispatchEvent(new CustomEvent('notification', { detail: notification }));
    },
    onState: (state) => {
      live = state;
      notifications.dispatchEvent(new CustomEvent('state', { detail: state }));
    },
  });
}

export async function endSession() {
  stopLive?.();
  stopLive = null;
  await signOut();
  setUnread(0);
  navigate('/sign-in');
}

function wireShell() {
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-route]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
  window.addEventListener('popstate', show);
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById('main').focus();
  });
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', async () => {
      await setLanguage(button.dataset.lang);
      show();
    });
  }
  document.getElementById('sign-out').addEventListener('click', endSession);
  sessionEvents.addEventListener('expired', sessionExpired);
  const menu = document.getElementById('menu');
  const toggle = document.getElementById('menu-toggle');
  toggle.addEventListener('click', () => {
    const open = !menu.classList.contains('open');
    menu.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
    if (open) menu.querySelector('a')?.focus();
  });
  // The arrow keys, Home and End move between the menu's links; Escape closes the menu on a small screen.
  menu.addEventListener('keydown', (event) => {
    const links = [...menu.querySelectorAll('a')];
    const index = links.indexOf(document.activeElement);
    if (event.key === 'Escape' && menu.classList.contains('open')) {
      menu.classList.remove('open');
      toggle.setAttribute('aria-expanded', 'false');
      toggle.focus();
      return;
    }
    if (index < 0) return;
    const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: links.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    links[(next + links.length) % links.length].focus();
  });
}

function screenModule(route) {
  return import(`./screens/${route.module}.js`);
}

/**
 * On a slow connection every request in a chain costs a round trip, so the texts, the first screen's module and the
 * unread count are asked for at the same time; the screen is drawn once its module and the texts are in.
 */
export async function boot() {
  const route = ROUTES.find((candidate) => candidate.path === location.pathname);
  const first = route && allowed(route, session()) ? screenModule(route).catch(() => null) : null;
  await loadLanguages();
  wireShell();
  const started = startSession();
  await first;
  await show();
  await started;
}
