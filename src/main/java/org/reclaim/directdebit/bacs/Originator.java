package org.reclaim.directdebit.bacs;

import org.reclaim.shared.InvalidInput;

/**
 * The council as a Bacs service user: its 6-digit Service User Number (SUN) and the account the collections are paid
 * into, whose name is the service user name written in every data record (18 characters).
 */
public record Originator(String serviceUserNumber, BankDetails account) {

    public Originator {
        if (!serviceUserNumber.matches("\\d{6}")) {
            throw InvalidInput.of("serviceUserNumber", "a Service User Number is 6 digits");
        }
    }
}
