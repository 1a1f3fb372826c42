-- The parish area a dwelling lies in (the authorities module's parish table; checked through its facade, as the
-- property's authority is), or null for the unparished area.
alter table property add column parish_id int;
