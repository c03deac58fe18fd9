// Meldingen: the inbox of match notifications, newest first, with new ones arriving live over the subscription.
import { graphql } from '../api.js';
import { busy, choice, clear, h, notice } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { failure, heading } from '../screen.js';
import { address } from './households.js';
import { liveState, notifications, setUnread } from '../shell.js';

const FIELDS = 'id kind createdAt read householdId organisation professional organisationCount address { postcode houseNumber houseNumberAddition }';

export async function render(main) {
  const list = h('ol', { id: 'inbox', class: 'list', 'aria-live': 'polite', 'aria-relevant': 'additions' });
  const state = h('p', { id: 'live-state', class: 'muted' }, t(`notifications.state.${liveState()}`));
  const unreadOnly = h('input', { type: 'checkbox' });
  const markAll = h('button', { type: 'button', class: 'secondary' }, t('notifications.markAll'));
  const message = h('div');
  main.append(heading(t('nav.notifications')), h('p', {}, t('notifications.intro')), state,
    h('div', { class: 'actions' }, choice(t('notifications.unreadOnly'), unreadOnly), markAll), message, list);

  let shown = [];
  const load = async () => {
    clear(list, h('li', {}, busy(t('notifications.loading'))));
    try {
      const data = await graphql(`query($unreadOnly: Boolean) { myNotifications(unreadOnly: $unreadOnly, first: 50) { edges { node { ${FIELDS} } } } }`,
        { unreadOnly: unreadOnly.checked });
      shown = data.myNotifications.edges.map((edge) => edge.node);
      clear(list, shown.length ? shown.map(item) : h('li', {}, t('notifications.empty')));
      setUnread(shown.filter((n) => !n.read).length);
    } catch (error) {
      clear(list, h('li', {}, failure(error, load)));
    }
  };

  const markRead = async (ids) => {
    message.replaceChildren();
    try {
      const data = await graphql('mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked errors { code message } } }',
        { input: { notificationIds: ids } });
      message.append(notice('ok', h('p', {}, t('notifications.marked', { count: data.markNotificationsRead.marked }))));
      await load();
    } catch (error) {
      message.append(failure(error));
    }
  };

  function item(notification) {
    return h('li', { class: `item${notification.read ? '' : ' unread'}`, dataset: { notificationId: notification.id } },
      h('h2', {}, t(`notifications.${notification.kind}`, notification)),
      notification.address ? h('p', { class: 'household-address' }, t('notifications.at', { address: address(notification) })) : null,
      h('p', { class: 'muted' }, formatDateTime(notification.createdAt), ' · ',
        notification.read ? t('notifications.read') : h('strong', {}, t('notifications.unread'))),
      h('div', { class: 'actions' },
        h('a', { href: `/households?id=${encodeURIComponent(notification.householdId)}`, 'data-route': true, class: 'button secondary' }, t('notifications.open')),
        notification.read ? null : h('button', { type: 'button', class: 'secondary', onclick: () => markRead([notification.id]) }, t('notifications.markRead'))));
  }

  markAll.addEventListener('click', () => {
    const ids = shown.filter((n) => !n.read).map((n) => n.id);
    if (ids.length) markRead(ids);
  });
  unreadOnly.addEventListener('change', load);

  // Live: a new notification goes on top at once. The listeners go when this screen is left.
  const arrived = (event) => {
    if (!document.body.contains(list)) {
      notifications.removeEventListener('notification', arrived);
      return;
    }
    shown.unshift(event.detail);
    if (list.firstElementChild && !list.firstElementChild.dataset.notificationId) list.replaceChildren();
    list.prepend(item(event.detail));
  };
  const connection = (event) => {
    if (!document.body.contains(state)) {
      notifications.removeEventListener('state', connection);
      return;
    }
    state.textContent = t(`notifications.state.${event.detail}`);
  };
  notifications.addEventListener('notification', arrived);
  notifications.addEventListener('state', connection);
  await load();
}
