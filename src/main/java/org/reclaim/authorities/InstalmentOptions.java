package org.reclaim.authorities;

/**
 * The Council Tax instalment frequencies an authority offers besides the statutory monthly scheme (SI 1992/613
 * Sch. 1 Part I). A weekly or fortnightly plan is an arrangement the authority and the payer agree (SI 1992/613
 * reg. 21; the power is the Local Government Finance Act 1992 Sch. 2 para 2(2)(b): payments "in accordance with an
 * agreement between the liable person and the authority or a prescribed scheme for payment by instalments"), so it
 * is offered only where the authority says so.
 */
public record InstalmentOptions(boolean weekly, boolean fortnightly) {

    /** What an authority offers until an administrator says otherwise: the statutory monthly scheme only. */
    public static final InstalmentOptions MONTHLY_ONLY = new InstalmentOptions(false, false);

    /** Whether a plan of this scheme may be agreed; the statutory schemes always may. */
    public boolean allows(String scheme) {
        return switch (scheme) {
            case "WEEKLY" -> weekly;
            case "FORTNIGHTLY" -> fortnightly;
            default -> true;
        };
    }
}
