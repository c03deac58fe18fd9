// De sociale kaart: the public places of the neighbourhood, for anyone, without signing in. Search by neighbourhood and
// by what a place offers (its name, its kind of place and its description); the places come from the public API.
import { publicGraphql } from '../api.js';
import { busy, clear, field, h } from '../dom.js';
import { label, t } from '../i18n.js';
import { failure, heading } from '../screen.js';

const PLACES = `query($after: String) { socialMap(first: 100, after: $after) {
  edges { node { id name kind category description neighbourhoodCode neighbourhoodName
    address { street houseNumber houseNumberAddition postcode city } openingHours { weekday opens closes } email phone } }
  pageInfo { hasNextPage endCursor } } }`;

/** Every public place, page after page: the map of one municipality is small. */
async function allPlaces() {
  const places = [];
  let after = null;
  for (;;) {
    const page = (await publicGraphql(PLACES, { after })).socialMap;
    places.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return places;
    after = page.pageInfo.endCursor;
  }
}

export async function render(main, { params }) {
  main.append(heading(t('nav.socialMap')), h('p', {}, t('socialMap.intro')));
  const loading = busy(t('socialMap.loading'));
  main.append(loading);
  let places;
  try {
    places = await allPlaces();
  } catch (error) {
    loading.replaceWith(failure(error));
    return;
  }
  loading.remove();
  const neighbourhoods = [...new Map(places.map((place) => [place.neighbourhoodCode, place.neighbourhoodName]))]
    .sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  const neighbourhood = h('select', { name: 'neighbourhood' },
    h('option', { value: '' }, t('socialMap.allNeighbourhoods')),
    neighbourhoods.map(([code, name]) => h('option', { value: code, selected: code === params.get('buurt') }, name)));
  const search = h('input', { type: 'search', name: 'q', value: params.get('q') ?? '', autocomplete: 'off' });
  const count = h('p', { id: 'social-map-count', 'aria-live': 'polite' });
  const list = h('ul', { id: 'social-map-places', class: 'cards places' });
  const update = () => {
    const words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const shown = places.filter((place) => (!neighbourhood.value || place.neighbourhoodCode === neighbourhood.value)
      && words.every((word) => searchable(place).includes(word)));
    const query = new URLSearchParams();
    if (neighbourhood.value) query.set('buurt', neighbourhood.value);
    if (search.value.trim()) query.set('q', search.value.trim());
    history.replaceState(null, '', `/social-map${query.size ? `?${query}` : ''}`);
    count.textContent = [t('socialMap.none'), t('socialMap.countOne')][shown.length] ?? t('socialMap.count', { count: shown.length });
    clear(list, shown.map(card));
  };
  neighbourhood.addEventListener('change', update);
  search.addEventListener('input', update);
  main.append(
    h('form', { class: 'panel', role: 'search', onsubmit: (event) => event.preventDefault() },
      h('div', { class: 'row' },
        field(t('socialMap.neighbourhood'), neighbourhood),
        field(t('socialMap.search'), search, { hint: t('socialMap.searchHint') }))),
    count, list);
  update();
}

/** What a search matches: the name, the kind of place in words, the description and the neighbourhood. */
function searchable(place) {
  return [place.name, label('detail', place.category), label('vindplaatsKind', place.kind), place.description ?? '',
    place.neighbourhoodName].join(' ').toLowerCase();
}

function card(place) {
  const { address } = place;
  return h('li', { class: 'place', dataset: { place: place.id } },
    h('h2', {}, place.name),
    h('p', { class: 'muted' }, t('socialMap.kind', { category: label('detail', place.category), neighbourhood: place.neighbourhoodName })),
    place.description ? h('p', {}, place.description) : null,
    address
      ? h('p', {}, t('socialMap.address', {
        street: address.street,
        number: `${address.houseNumber}${address.houseNumberAddition ? ` ${address.houseNumberAddition}` : ''}`,
        postcode: `${address.postcode.slice(0, 4)} ${address.postcode.slice(4)}`,
        city: address.city }))
      : h('p', {}, t('socialMap.noAddress')),
    place.openingHours.length
      ? h('ul', { class: 'list hours', 'aria-label': t('socialMap.hours') }, place.openingHours.map((hours) =>
        h('li', {}, t('socialMap.opening', { day: label('weekday', hours.weekday), opens: hours.opens, closes: hours.closes }))))
      : null,
    place.email || place.phone
      ? h('p', {}, place.email ? h('a', { href: `mailto:${place.email}` }, place.email) : null,
        place.email && place.phone ? ' · ' : null,
        place.phone ? h('a', { href: `tel:${place.phone.replace(/[^+\d]/g, '')}` }, place.phone) : null)
      : null);
}
