package org.reclaim.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff users, kept in PostgreSQL with hashed passwords. */
@Service
public class StaffUsers implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    StaffUsers(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, role, enabled from staff_user where username = ?")
                .param(username)
                .query((rs, n) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .roles(rs.getString("role"))
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** Adds a user unless one of that name exists; returns whether it was added. */
    @Transactional
    public boolean addIfAbsent(String username, String rawPassword, Role role) {
        return jdbc.sql("""
                insert into staff_user (username, password_hash, role, created_at) values (?, ?, ?, ?)
                on conflict (username) do nothing""")
                .params(username, encoder.encode(rawPassword), role.name(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update() == 1;
    }

    /** The role of an enabled user of that name, if there is one. */
    public java.util.Optional<Role> roleOf(String username) {
        return jdbc.sql("select role from staff_user where username = ? and enabled").param(username)
                .query((rs, n) -> Role.valueOf(rs.getString(1))).optional();
    }

    public boolean anyWithRole(Role role) {
        return jdbc.sql("select exists (select 1 from staff_user where role = ? and enabled)").param(role.name())
                .query(Boolean.class).single();
    }

    /** The enabled users with any of these roles, by name (for a team leader choosing whom to give work to). */
    public java.util.List<String> usernamesWithRole(Role... roles) {
        return jdbc.sql("select username from staff_user where enabled and role = any(?) order by username")
                .param(java.util.Arrays.stream(roles).map(Role::name).toArray(String[]::new)).query(String.class).list();
    }
}
