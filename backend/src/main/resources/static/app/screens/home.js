// The start: what the signed-in user can do here, or the way in for everyone else.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { heading } from '../screen.js';
import { menuRoutes } from '../shell.js';

export async function render(main, { user }) {
  if (!user) {
    main.append(
      heading(t('home.title')),
      h('p', {}, t('home.intro')),
      h('ul', { class: 'cards' },
        h('li', {}, h('h2', {}, h('a', { href: '/sign-in', 'data-route': true }, t('nav.signIn'))), h('p', {}, t('home.signIn'))),
        h('li', {}, h('h2', {}, h('a', { href: '/volunteer/register', 'data-route': true }, t('nav.register'))), h('p', {}, t('home.register')))));
    return;
  }
  const routes = menuRoutes(user);
  main.append(
    heading(t('home.welcome', { username: user.username })),
    h('p', {}, t(`home.role.${user.role}`)),
    routes.length
      ? h('ul', { class: 'cards' }, routes.map((route) => h('li', {},
        h('h2', {}, h('a', { href: route.path, 'data-route': true }, t(route.menu))),
        h('p', {}, t(`${route.menu}.about`)))))
      : h('p', {}, t('home.nothing')));
}
