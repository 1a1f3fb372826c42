-- Marks that the synthetic demo borough was loaded, so a restart does not load it twice.
create table demo_seed (
    seed_key   text primary key,
    dwellings  int not null,
    seeded_at  timestamptz not null
);
