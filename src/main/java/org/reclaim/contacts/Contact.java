package org.reclaim.contacts;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One contact with the people on an account, as recorded. */
public record Contact(long id, String accountReference, Channel channel, Direction direction, Outcome outcome, @Nullable String notes,
                      OffsetDateTime at, String recordedBy, OffsetDateTime recordedAt) {

    public enum Channel { PHONE, EMAIL, LETTER, SMS, VISIT, SURGERY, WEB }

    public enum Direction { INBOUND, OUTBOUND }

    /** What came of it. */
    public enum Outcome { SPOKE_TO_CUSTOMER, NO_ANSWER, MESSAGE_LEFT, PROMISE_TO_PAY, ARRANGEMENT_MADE, QUERY_RESOLVED, DISPUTE_RAISED, OTHER }
}
