/**
 * Bacs file formats for Direct Debit, as pure code: {@link org.reclaim.directdebit.bacs.BankAccount} and
 * {@link org.reclaim.directdebit.bacs.BankDetails}; the modulus check ({@link org.reclaim.directdebit.bacs.ModulusCheck}
 * over a {@link org.reclaim.directdebit.bacs.ModulusWeightTable} loaded from a file); the Standard 18 writers
 * {@link org.reclaim.directdebit.bacs.CollectionFile} and {@link org.reclaim.directdebit.bacs.AuddisFile}; and the
 * report parsers {@link org.reclaim.directdebit.bacs.Arudd}, {@link org.reclaim.directdebit.bacs.Addacs} and
 * {@link org.reclaim.directdebit.bacs.AuddisRejections}. Bad input is refused with
 * {@link org.reclaim.shared.InvalidInput} naming the field, line or item at fault.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.directdebit.bacs;
