// The geography import places the vindplaatsen at an address in its neighbourhood, as it does households.
CREATE RANGE INDEX vindplaats_address_index IF NOT EXISTS FOR (v:Vindplaats) ON (v.postcode, v.houseNumber);
