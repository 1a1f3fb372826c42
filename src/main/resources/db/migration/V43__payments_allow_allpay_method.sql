-- Allpay is a channel of its own (payment cards used at shops and post offices, online and by phone), with its own
-- transaction file; its payments are recorded as ALLPAY rather than passed off as PayPoint or Post Office.
alter table payment drop constraint payment_method_check,
    add constraint payment_method_check
        check (method in ('DIRECT_DEBIT', 'CARD', 'BANK_TRANSFER', 'PAYPOINT', 'POST_OFFICE', 'ALLPAY', 'CASH', 'CHEQUE'));
