// What volunteers can offer, shared by the registration, the personal page and the team lead's review.
import { choice, group, h } from '../dom.js';
import { label, t } from '../i18n.js';

export const OFFERS = ['LISTENING_EAR', 'LANGUAGE_HELP', 'PAPERWORK', 'DIGITAL_HELP', 'TRANSPORT', 'MEALS', 'CHILDCARE',
  'COMPANY', 'ODD_JOBS', 'SPORT_AND_PLAY'];

export function offerChoices(chosen = []) {
  const boxes = OFFERS.map((offer) => h('input', { type: 'checkbox', name: 'offers', value: offer, checked: chosen.includes(offer) }));
  const fieldset = group(t('volunteer.offers'), boxes.map((box) => choice(label('offer', box.value), box)), { name: 'offers' });
  return { fieldset, chosen: () => boxes.filter((box) => box.checked).map((box) => box.value) };
}

export function offerList(offers) {
  return offers.map((offer) => label('offer', offer)).join(', ');
}
