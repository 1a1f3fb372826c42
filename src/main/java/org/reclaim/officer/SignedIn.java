package org.reclaim.officer;

/** Who is signed in, with their role, as the pages show it and decide what to offer. */
public record SignedIn(String username, String roleLabel, boolean teamLeader, boolean officer, boolean auditor, boolean admin) {

    /** May work cases: record contacts, make arrangements, add holds. */
    public boolean worksCases() {
        return officer || teamLeader;
    }

    /** May read customers' personal data. */
    public boolean readsCases() {
        return officer || teamLeader || auditor;
    }
}
