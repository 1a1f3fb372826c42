/**
 * The contact centre's measures: the telephony system's interval statistics and the call-answering report against the
 * authority's peak and off-peak targets (source document seeds/000: "Answer 82% of calls during peak times (annual
 * billing), 86% during the rest of the year"); the customer satisfaction survey sent by email, SMS and after online
 * transactions ("Ask our customers for feedback"); and complaints with their outcome. {@link org.reclaim.contactcentre.CallAnswering}
 * and {@link org.reclaim.contactcentre.Feedback} are the faces other modules use (the officer's dashboard, the public
 * survey page, messages that carry the survey link).
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.contactcentre;
