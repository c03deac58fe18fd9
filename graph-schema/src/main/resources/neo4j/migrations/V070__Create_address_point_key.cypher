// The municipality's addresses from CBS's postcode file, each lying in one neighbourhood, keyed 'PC6 huisnummer'
// ('1311HV 12'); the geography import merges on it.
CREATE CONSTRAINT address_point_key_unique IF NOT EXISTS FOR (a:AddressPoint) REQUIRE a.key IS UNIQUE;
