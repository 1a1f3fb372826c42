package org.reclaim.security;

/** The roles of council staff. A team leader approves what an officer may only propose. */
public enum Role {
    /** Collections and recovery officer: reads and works accounts. */
    OFFICER,
    /** Approves what needs authorisation (summonses, referrals, write-offs) and everything an officer does. */
    TEAM_LEADER,
    /** Reads accounts and the access audit; changes nothing. */
    AUDITOR,
    /** Configures authorities, paths and users; no access to personal data. */
    ADMIN
}
