/**
 * Direct Debit: mandates and their history ({@code Mandates}), AUDDIS files ({@code AuddisFiles}), the collection run
 * ({@link org.reclaim.directdebit.DirectDebitRuns}, chunked by {@code CollectionChunk}), the ARUDD and ADDACS reports
 * Bacs sends back ({@code BacsReturns}) and the "Direct Debit by Default" take-up report. Payments are posted through
 * the payments module ({@code PaymentBatch}, {@code PaymentReversal}); the instalments collected are read from the
 * billing module's bill rows in SQL, as the annual billing run reads accounts.
 * <p>
 * {@link org.reclaim.directdebit.bacs} is the Bacs format layer, pure code with no database: Standard 18 collection and
 * AUDDIS files, the ARUDD, ADDACS and AUDDIS report parsers, and bank details with the Vocalink/Pay.UK modulus check.
 * Other packages of this module use its public types; other modules do not see them.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.directdebit;
