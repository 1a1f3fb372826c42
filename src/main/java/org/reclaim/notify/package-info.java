/**
 * Email and text messages through GOV.UK Notify: each council's templates per event as data, a persistent outbox sent
 * within Notify's limits with retries, suppression (breathing space, a customer's opt-out) checked when a message is
 * queued and again when it is sent, Notify's delivery callbacks, bulk texting campaigns with their results, and the
 * post's returned letters; and, for the councils that choose it, the day's letters posted as precompiled PDFs up to
 * Notify's daily letter limit (the rest stay for bulk print). Other modules queue a message with {@link org.reclaim.notify.Notifications#queue}; the account
 * page reads the messages through {@link org.reclaim.notify.AccountMessages}.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.notify;
