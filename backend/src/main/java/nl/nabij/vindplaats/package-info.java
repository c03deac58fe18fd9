/**
 * The vindplaatsen, formal and informal places where problems are first noticed, as a whole: the {@code Vindplaats}
 * type and its lists (of a neighbourhood, of a team), the social map (sociale kaart) that keeps them as places with an
 * address, opening hours, a contact, an organisation that runs them and a choice whether the public may see them
 * (create, update, retire, by administrators and by team leads in their team's neighbourhoods), and the public read
 * that needs no account. The exchange with other social maps in Open Referral HSDS lives in {@code hsds}.
 */
package nl.nabij.vindplaats;
