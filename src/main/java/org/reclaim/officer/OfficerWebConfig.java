package org.reclaim.officer;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * GOV.UK Frontend's JavaScript, fonts and images straight from its webjar. Its CSS refers to images by absolute
 * {@code /assets/...} URLs, so the webjar's assets folder is served there; the compiled CSS is {@code /css/app.css}.
 */
@Configuration(proxyBeanMethods = false)
class OfficerWebConfig implements WebMvcConfigurer {

    // a compile-time constant: StylesheetBuild itself (build time only) is never loaded
    private static final String GOVUK = "classpath:/" + StylesheetBuild.GOVUK_FRONTEND + "/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        CacheControl day = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK + "assets/").setCacheControl(day);
        registry.addResourceHandler("/js/**").addResourceLocations(GOVUK).setCacheControl(day);
    }
}
