package org.reclaim.security;

import org.reclaim.shared.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The users a new installation starts with. With the embedded demo database only: officer, teamleader, auditor and
 * admin, password {@value #DEMO_PASSWORD}. With a council's own database, never those: an administrator named
 * {@code admin} is created only if {@code reclaim.bootstrap-admin-password} is set and no administrator exists yet.
 */
@Component
@Order(0)
class InitialUsers implements ApplicationRunner {

    static final String DEMO_PASSWORD = "reclaim-demo";
    private static final Logger log = LoggerFactory.getLogger(InitialUsers.class);

    private final StaffUsers users;
    private final DatabaseMode database;
    private final String bootstrapAdminPassword;

    InitialUsers(StaffUsers users, DatabaseMode database,
                 @Value("${reclaim.bootstrap-admin-password:}") String bootstrapAdminPassword) {
        this.users = users;
        this.database = database;
        this.bootstrapAdminPassword = bootstrapAdminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (database.embedded()) {
            users.addIfAbsent("officer", DEMO_PASSWORD, Role.OFFICER);
            users.addIfAbsent("teamleader", DEMO_PASSWORD, Role.TEAM_LEADER);
            users.addIfAbsent("auditor", DEMO_PASSWORD, Role.AUDITOR);
            users.addIfAbsent("admin", DEMO_PASSWORD, Role.ADMIN);
            log.info("Demo users officer, teamleader, auditor and admin are available (embedded database only)");
        } else if (!bootstrapAdminPassword.isBlank() && !users.anyWithRole(Role.ADMIN)) {
            if (bootstrapAdminPassword.length() < 12) {
                throw new IllegalStateException("reclaim.bootstrap-admin-password must be at least 12 characters");
            }
            users.addIfAbsent("admin", bootstrapAdminPassword, Role.ADMIN);
            log.info("Created the first administrator, 'admin'");
        }
    }
}
