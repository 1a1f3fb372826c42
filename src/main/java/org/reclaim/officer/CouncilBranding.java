package org.reclaim.officer;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reclaim.authorities.Authorities;
import org.reclaim.authorities.BillingAuthority;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The council's own name (and logo, where it has one) in the page header. A council is not GOV.UK: no crown, no GDS
 * Transport. Set {@code reclaim.council.name} and {@code reclaim.council.logo-url}; without a name, an installation
 * with one authority shows that authority's name.
 */
@Component
class CouncilBranding {

    private final Authorities authorities;
    private final String configuredName;
    private final String logoUrl;

    CouncilBranding(Authorities authorities, @Value("${reclaim.council.name:}") String configuredName,
                    @Value("${reclaim.council.logo-url:}") String logoUrl) {
        this.authorities = authorities;
        this.configuredName = configuredName;
        this.logoUrl = logoUrl;
    }

    /** What the header shows, worked out once per page. */
    public record Council(String name, @Nullable String logoUrl) {
    }

    Council current() {
        return new Council(name(), logoUrl());
    }

    String name() {
        if (!configuredName.isBlank()) {
            return configuredName;
        }
        List<BillingAuthority> all = authorities.all();
        return all.size() == 1 ? all.get(0).name() : "Collections and Recovery";
    }

    @Nullable
    String logoUrl() {
        return logoUrl.isBlank() ? null : logoUrl;
    }
}
