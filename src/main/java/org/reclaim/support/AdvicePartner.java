package org.reclaim.support;

import org.jspecify.annotations.Nullable;

/** An organisation in an authority's directory that officers signpost or refer customers to. */
public record AdvicePartner(long id, int authorityId, String name, Kind kind, @Nullable String contact, @Nullable String website,
                            @Nullable String notes, boolean active) {

    public enum Kind { DEBT_ADVICE, WELFARE_RIGHTS, DIGITAL_INCLUSION, DROP_IN, OTHER }

    /** A partner as an administrator (or the demo) describes it. */
    public record Details(String name, Kind kind, @Nullable String contact, @Nullable String website, @Nullable String notes,
                          boolean active) {
    }
}
