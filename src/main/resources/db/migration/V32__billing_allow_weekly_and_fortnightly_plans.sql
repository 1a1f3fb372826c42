-- A Council Tax plan may be weekly or fortnightly where the authority offers it (V31). For those schemes the bill's
-- payment_day is the day of the week, 1 (Monday) to 7 (Sunday), as java.time.DayOfWeek and ISO 8601 number them.
alter table bill drop constraint bill_scheme_check;
alter table bill
    add constraint bill_scheme_check
        check (scheme in ('TEN_MONTHLY', 'TWELVE_MONTHLY', 'BUSINESS_RATES', 'WEEKLY', 'FORTNIGHTLY')),
    add constraint bill_weekly_payment_day check (scheme not in ('WEEKLY', 'FORTNIGHTLY') or payment_day between 1 and 7);
