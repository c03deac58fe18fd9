/**
 * The social map (sociale kaart): the formal and informal vindplaatsen as places with an address, opening hours, a
 * contact, an organisation that runs them and a choice whether the public may see them. It owns keeping them (create,
 * update, retire, by administrators and by team leads in their team's neighbourhoods), the public read that needs no
 * account, and the exchange with other social maps in Open Referral HSDS 3.0: the JSON of its API and its tabular data
 * package, both ways. The directory keeps reading vindplaatsen as it did; this package adds their details.
 */
package nl.nabij.socialmap;
