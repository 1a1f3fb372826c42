-- Published for letters (read-only): who an account's letters go to and the heading they carry. The addressee is the
-- first liable party (lowest party id) at their preferred postal address, else at the account's property; the heading
-- is the billing authority's name, the account reference and its revenue stream. An account with no liable party has
-- no row. The view is a plain join (no aggregate or DISTINCT at its top), so a query joining it by account is planned
-- as if it had written the lateral lookup itself: one account's addressee is found by its keys, not the whole table.
create view account_addressee as
select ac.authority_id, ac.id as account_id, ac.reference, ac.stream, ba.name as authority_name,
       who.name, who.line1, who.line2, who.town, who.postcode
from account ac
join billing_authority ba on ba.id = ac.authority_id
join lateral (
    select coalesce(p.organisation_name, concat_ws(' ', p.title, p.forenames, p.surname)) as name,
           coalesce(cp.address_line_1, pr.address_line_1) as line1,
           case when cp.id is not null then cp.address_line_2 else pr.address_line_2 end as line2,
           case when cp.id is not null then cp.town else pr.town end as town,
           coalesce(cp.postcode, pr.postcode) as postcode
    from account_party ap
    join party p on p.authority_id = ap.authority_id and p.id = ap.party_id
    left join lateral (select * from contact_point c where c.authority_id = p.authority_id and c.party_id = p.id
                       and c.kind = 'POSTAL' order by c.preferred desc, c.id limit 1) cp on true
    left join property pr on pr.authority_id = ac.authority_id and pr.id = ac.property_id
    where ap.authority_id = ac.authority_id and ap.account_id = ac.id
    order by ap.party_id limit 1) who on true;
