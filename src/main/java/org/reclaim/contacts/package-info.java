/**
 * The contact log: each call, letter, email, text, visit or surgery conversation with the people on an account, which
 * way it went and what came of it, recorded by the officer who had it. Worklists score accounts by the time since the
 * last contact ({@link org.reclaim.contacts.Contacts#lastContactOn}); the recovery timeline shows the log.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.contacts;
