-- A payment is found by its id alone through its primary key (authority_id, id), over the few authorities of an
-- installation (Payments.received): the separate index on the id cost every payment written an index insertion.
drop index payment_by_id;
