/**
 * Letters: the notices and letters of collection and recovery as Thymeleaf XHTML templates (shipped defaults under
 * {@code templates/documents/}, an authority's own wording as data with its history), rendered to PDF, stored once per
 * request, listed on the account, downloaded, and gathered into one print-ready PDF per type with a supplier's manifest.
 * The batch reads the document requests the recovery and arrangements modules record.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.documents;
