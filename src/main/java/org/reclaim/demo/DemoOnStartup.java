package org.reclaim.demo;

import org.reclaim.shared.DatabaseMode;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Loads the demo borough on first start, before the web server takes requests. On by default with the embedded
 * database, off with a council's own (turn it on with --reclaim.demo.enabled=true); size with --reclaim.demo.dwellings.
 */
@Component
class DemoOnStartup implements SmartInitializingSingleton {

    private final DemoBorough demo;
    private final boolean enabled;
    private final int dwellings;

    DemoOnStartup(DemoBorough demo, DatabaseMode database, Environment env) {
        this.demo = demo;
        this.enabled = env.getProperty("reclaim.demo.enabled", Boolean.class, database.embedded());
        this.dwellings = env.getProperty("reclaim.demo.dwellings", Integer.class, 20_000);
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled && !demo.isLoaded()) {
            demo.load(dwellings);
        }
    }
}
