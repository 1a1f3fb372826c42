package org.reclaim.directdebit.bacs;

import static org.reclaim.directdebit.bacs.BacsText.julian;
import static org.reclaim.directdebit.bacs.BacsText.left;
import static org.reclaim.directdebit.bacs.BacsText.spaces;
import static org.reclaim.directdebit.bacs.BacsText.zeros;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import org.reclaim.shared.InvalidInput;

/**
 * The records of a Bacs Standard 18 single-processing-day file, field by field.
 * <p>
 * Sources for the layouts (positions are 1-based and inclusive, as the sources number them):
 * <ul>
 * <li>VOL1 and HDR1: Bank of Ireland, "BACS File Specification", Appendix 2, sections 2 and 3
 *     (online.documentine.com/.../pdf-bacs-file-specification.html); FinDock, "Bacs DD collection file"
 *     (docs.findock.com/May-25-sandbox/payment-processors/bacs-dd-collection-file), VOL record mapping.</li>
 * <li>HDR2, UHL1, data, contra, EOF1, EOF2, UTL1: HSBC "Message Implementation Guide BACS Standard 18", August 2012
 *     (vdocuments.us/message-implementation-guide-bacs-standard-18.html), and FinDock above; data record fields also
 *     IBM Sterling B2B Integrator "Domestic format for the United Kingdom" (BACS Interchange Standards v18/9) and
 *     Paygate "BACS payment editor CSV format" (field widths).</li>
 * </ul>
 * Where a source gives a field only as "reserved" it is written as spaces.
 */
final class Standard18 {

    static final int LABEL_LENGTH = 80;
    static final int DATA_LENGTH = 100;
    static final int REFERENCE_LENGTH = 18;

    private Standard18() {
    }

    /** The header fields every file shares. */
    record Header(Originator originator, String serialNumber, LocalDate created, LocalDate processingDay) {
        Header {
            if (!serialNumber.matches("[A-Z0-9]{6}") || serialNumber.equals("000000")) {
                throw InvalidInput.of("serialNumber", "a submission serial number is 6 characters of A-Z and 0-9, "
                        + "not all zeros, unique for the day");
            }
            if (processingDay.isBefore(created)) {
                throw InvalidInput.of("processingDay", "the processing day cannot be before the file is created");
            }
            DayOfWeek day = processingDay.getDayOfWeek();
            if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
                throw InvalidInput.of("processingDay", "Bacs processes on banking days, not on a " + day
                        .toString().toLowerCase(Locale.ROOT));
            }
        }

        String sun() {
            return originator.serviceUserNumber();
        }
    }

    /** A payer's reference: 1 to 18 characters of the Bacs set, upper-cased. */
    static String reference(String typed) {
        String r = typed.strip().toUpperCase(Locale.ROOT);
        if (r.isEmpty() || r.length() > REFERENCE_LENGTH) {
            throw InvalidInput.of("reference", "a Bacs reference is 1 to 18 characters");
        }
        if (!BacsText.inCharacterSet(r)) {
            throw InvalidInput.of("reference", "a Bacs reference uses only A-Z, 0-9, space and . & / -");
        }
        return r;
    }

    /**
     * VOL1, 80 characters. 1-3 "VOL"; 4 "1"; 5-10 submission serial number; 11 accessibility indicator (space);
     * 12-31 reserved; 32-37 reserved; 38-41 reserved; 42-47 owner identification, the Service User Number
     * (FinDock gives 38-51, 14 characters, for the owner field as a whole); 48-51 reserved; 52-79 reserved;
     * 80 label standard level "1".
     */
    static String vol1(Header h) {
        return "VOL1" + h.serialNumber() + " " + spaces(20) + spaces(6) + spaces(4) + h.sun() + spaces(4)
                + spaces(28) + "1";
    }

    /**
     * HDR1 (and EOF1 with "EOF"), 80 characters. 1-3 label; 4 "1"; 5-21 file identifier: 5 "A", 6-11 Service User
     * Number, 12 "S", 13-14 spaces, 15 "1", 16-21 Service User Number; 22-27 set identification (the VOL1 serial
     * number); 28-31 file section number "0001"; 32-35 file sequence number "0001"; 36-39 generation number and
     * 40-41 generation version number (spaces); 42-47 creation date "bYYDDD"; 48-53 expiration date "bYYDDD" (the
     * processing day); 54 accessibility indicator (space); 55-60 block count "000000"; 61-73 system code (spaces);
     * 74-80 reserved.
     */
    static String hdr1(String label, Header h) {
        return label + "1" + "A" + h.sun() + "S" + "  " + "1" + h.sun() + h.serialNumber() + "0001" + "0001"
                + spaces(4) + spaces(2) + julian(h.created()) + julian(h.processingDay()) + " " + "000000"
                + spaces(13) + spaces(7);
    }

    /**
     * HDR2 (and EOF2 with "EOF"), 80 characters. 1-3 label; 4 "2"; 5 record format "F" (fixed); 6-10 block length
     * "02000"; 11-15 record length "00100" (a single-processing-day file); 16-50 reserved for operating system;
     * 51-52 buffer offset "00"; 53-80 reserved.
     */
    static String hdr2(String label) {
        return label + "2" + "F" + "02000" + zeros(DATA_LENGTH, 5) + spaces(35) + "00" + spaces(28);
    }

    /**
     * UHL1, 80 characters. 1-3 "UHL"; 4 "1"; 5-10 processing day "bYYDDD"; 11-20 receiving party identification
     * "999999" and 4 spaces; 21-22 currency code "00" (sterling); 23-28 country code "000000"; 29-37 work code
     * "1 DAILY  " (single processing day); 38-40 file number "001"; 41-47 reserved; 48-54 audit print identifier
     * (spaces); 55-80 reserved.
     */
    static String uhl1(Header h) {
        return "UHL1" + julian(h.processingDay()) + "999999" + spaces(4) + "00" + "000000" + "1 DAILY  " + "001"
                + spaces(7) + spaces(7) + spaces(26);
    }

    /**
     * A standard data record, 100 characters. 1-6 destination sorting code; 7-14 destination account number;
     * 15 destination account type "0"; 16-17 transaction code; 18-23 originating sorting code; 24-31 originating
     * account number; 32-35 free format (spaces); 36-46 amount in pence, 11 digits zero-filled; 47-64 service user's
     * name; 65-82 service user's reference; 83-100 destination account name.
     */
    static String data(Originator o, BankDetails payer, TransactionCode code, long pence, String reference) {
        return payer.sortCode() + payer.accountNumber() + "0" + code.code() + o.account().sortCode()
                + o.account().accountNumber() + spaces(4) + zeros(pence, 11) + left(o.account().accountName(), 18)
                + left(reference, 18) + left(payer.accountName(), 18);
    }

    /**
     * The contra record, 100 characters, the same fields as a data record: the originator's own account as both
     * destination and origin, transaction code 99 (a credit balancing the debits), the total of the debits in
     * 36-46, a narrative in 47-64, "CONTRA" in 65-82 and the originator's account name in 83-100.
     */
    static String contra(Originator o, long totalPence) {
        BankDetails own = o.account();
        return own.sortCode() + own.accountNumber() + "0" + TransactionCode.CREDIT_CONTRA.code() + own.sortCode()
                + own.accountNumber() + spaces(4) + zeros(totalPence, 11) + left("DD COLLECTIONS", 18)
                + left("CONTRA", 18) + left(own.accountName(), 18);
    }

    /**
     * UTL1, 80 characters. 1-3 "UTL"; 4 "1"; 5-17 monetary total of debit records; 18-30 monetary total of credit
     * records (both in pence, 13 digits); 31-37 count of debit records; 38-44 count of credit records (7 digits);
     * 45-52 reserved; 53-59 count of DDI records (AUDDIS files; spaces otherwise); 60-80 reserved.
     */
    static String utl1(long debitPence, long creditPence, int debits, int credits, String ddiCount) {
        return "UTL1" + zeros(debitPence, 13) + zeros(creditPence, 13) + zeros(debits, 7) + zeros(credits, 7)
                + spaces(8) + ddiCount + spaces(21);
    }
}
