package org.reclaim.documents;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A stored letter (without its PDF, which {@link Documents#pdf} gives). */
public record Document(long id, int authorityId, long accountId, String accountReference, String documentCode, LocalDate businessDate, int pageCount,
                       String sourceKey, OffsetDateTime createdAt, String createdBy) {
}
