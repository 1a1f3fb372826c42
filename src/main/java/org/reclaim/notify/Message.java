package org.reclaim.notify;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One message of the outbox, as it stands. */
public record Message(long id, String accountReference, long partyId, Channel channel, String eventCode, @Nullable UUID templateId,
                      Map<String, String> personalisation, State state, @Nullable String reason, int attempts,
                      @Nullable OffsetDateTime nextAttemptAt, @Nullable OffsetDateTime sentAt, @Nullable UUID notificationId,
                      @Nullable String notifyStatus, @Nullable Long campaignId, OffsetDateTime queuedAt) {

    public enum State { QUEUED, SENDING, SENT, DELIVERED, FAILED, SUPPRESSED }
}
