package org.reclaim.notify;

/**
 * Who a campaign is sent to: one message per account (to its first liable customer). The SQL of each is in
 * {@link Campaigns}; "today" is the business date.
 */
public enum Segment {
    /** An instalment of this financial year's current bill is overdue and unpaid, and no reminder has been issued for the year. */
    MISSED_FIRST_INSTALMENT_NOT_REMINDED,
    /** An active arrangement has a payment due tomorrow. */
    ARRANGEMENT_PAYMENT_DUE_TOMORROW
}
