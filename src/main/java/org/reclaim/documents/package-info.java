/**
 * Letters: the notices and letters of collection and recovery as Thymeleaf XHTML templates (shipped defaults under
 * {@code templates/documents/}, an authority's own wording as data with its history), rendered to PDF, stored once per
 * request, listed on the account, downloaded, and gathered into one print-ready PDF per type with a supplier's manifest.
 * The batch reads only the views the owning modules publish for it (accounts' addressee, recovery's notices and
 * attachment of earnings orders, arrangements' letters, Direct Debit advance notices, refunds paid, billing's demand
 * notices); it uses payments' {@code PaymentMethod} for a method's words.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.documents;
