/**
 * Direct Debit: mandates, AUDDIS, collections, returns.
 * <p>
 * So far the Bacs file formats, pure code with no database: {@link org.reclaim.directdebit.bacs} writes Standard 18
 * collection and AUDDIS files, reads the ARUDD, ADDACS and AUDDIS reports Bacs sends back, and checks bank details
 * (format, and the Vocalink/Pay.UK modulus check when the weight table is supplied). Other packages of this module
 * use its public types; other modules do not see them.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.directdebit;
