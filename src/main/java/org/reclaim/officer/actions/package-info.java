/**
 * The actions an officer takes on an account or a customer, each a GOV.UK form posting to the module that does it:
 * record a contact, place or end a hold on recovery, refer to an advice partner, set up a Direct Debit on the phone,
 * correct a customer's contact details.
 */
@org.jspecify.annotations.NullMarked
package org.reclaim.officer.actions;
