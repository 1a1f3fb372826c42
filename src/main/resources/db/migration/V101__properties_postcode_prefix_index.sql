-- An officer searches by the start of a postcode ("LE18", "WN1 1"): a LIKE prefix match, which a btree in the
-- database's collation cannot serve (it scanned every property of the authority: 480 ms a search at 1,000,000
-- accounts). text_pattern_ops serves both the prefix and the equality of a full postcode, so it replaces the index.
drop index property_postcode;
create index property_postcode on property (authority_id, postcode text_pattern_ops);
