package org.reclaim.officer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.reclaim.accounts.RevenueStream;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.reclaim.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Words for codes, as the pages show them: {@code ${@labels.stream(hit.stream())}}, {@code ${@labels.money(pence)}},
 * {@code ${@labels.date(d)}} (GOV.UK style: 5 May 2026), {@code ${@labels.words('BREATHING_SPACE')}} ("Breathing space").
 */
@Component("labels")
public class Labels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final Authorities authorities;

    Labels(Authorities authorities) {
        this.authorities = authorities;
    }

    public String stream(@Nullable RevenueStream stream) {
        if (stream == null) {
            return "";
        }
        return switch (stream) {
            case COUNCIL_TAX -> "Council Tax";
            case BUSINESS_RATES -> "Business Rates";
            case HOUSING_RENT -> "Housing rent";
            case FORMER_TENANT_ARREARS -> "Former tenant arrears";
            case HB_OVERPAYMENT -> "Housing Benefit overpayment";
        };
    }

    /** "£1,234.56", or "-£12.00" for a credit. */
    public String money(@Nullable Long pence) {
        return pence == null ? "" : Money.ofPence(pence).toString();
    }

    public String money(@Nullable Money money) {
        return money == null ? "" : money.toString();
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String shortDate(@Nullable LocalDate date) {
        return date == null ? "" : SHORT_DATE.format(date);
    }

    /** An enum constant's name in sentence case: FINAL_NOTICE → "Final notice". */
    public String words(@Nullable Object code) {
        if (code == null) {
            return "";
        }
        String s = code.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A council by its GSS code, as people know it: E07000135 → "Oadby and Wigston Borough Council". */
    public String council(@Nullable String gssCode) {
        if (gssCode == null) {
            return "";
        }
        return authorities.findByGssCode(gssCode).map(BillingAuthority::name).orElse(gssCode);
    }
}
