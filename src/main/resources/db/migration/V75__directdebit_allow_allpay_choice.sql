-- An arrangement records the way of paying the customer chose, and Allpay is one of the payment methods (V43):
-- the choice table takes the same methods as payments.
alter table payment_method_choice drop constraint payment_method_choice_method_check,
    add constraint payment_method_choice_method_check
        check (method in ('DIRECT_DEBIT', 'CARD', 'BANK_TRANSFER', 'PAYPOINT', 'POST_OFFICE', 'ALLPAY', 'CASH', 'CHEQUE'));
