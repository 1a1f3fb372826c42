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
 * with one authority shows that authority's name. On the public pages (the feedback survey) the header links to the
 * council's website ({@code reclaim.council.website}), not to the staff sign-in; with no website set it is not a link.
 */
@Component
class CouncilBranding {

    private final Authorities authorities;
    private final String configuredName;
    private final String logoUrl;
    private final String website;

    CouncilBranding(Authorities authorities, @Value("${reclaim.council.name:}") String configuredName,
                    @Value("${reclaim.council.logo-url:}") String logoUrl, @Value("${reclaim.council.website:}") String website) {
        this.authorities = authorities;
        this.configuredName = configuredName;
        this.logoUrl = logoUrl;
        this.website = website;
    }

    /** What the header shows, worked out once per page; {@code website} is where the public pages' header leads. */
    public record Council(String name, @Nullable String logoUrl, @Nullable String website) {
    }

    Council current() {
        return new Council(name(), logoUrl(), website.isBlank() ? null : website);
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
