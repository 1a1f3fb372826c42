package org.reclaim.officer.remedies;

/**
 * Why a debt is recommended for write-off: the reasons councils' write-off policies give (shared/domain REFERENCE.md
 * section 9, e.g. Gateshead's and Peterborough's). Approval is the responsible financial officer's or their nominee's
 * (Accounts and Audit Regulations), so the page only recommends; a team leader approves.
 */
public enum WriteOffReason {
    DECEASED_NO_ESTATE("Deceased, with no estate or not enough", "A joint debtor remains liable."),
    INSOLVENT("Bankrupt, insolvent or in a Debt Relief Order", "Proof of debt lodged; no dividend or a final one."),
    UNTRACEABLE("Absconded or untraceable", "All tracing has failed."),
    UNECONOMICAL("Uneconomical to pursue", "The cost of recovery is more than the debt."),
    // Limitation Act 1980 s.9: no action for a sum recoverable by statute after 6 years from when it fell due
    STATUTE_BARRED("Statute barred", "Over 6 years since it fell due with no action (Limitation Act 1980 s.9)."),
    OTHER("Other", "Say why in the notes.");

    private final String label;
    private final String hint;

    WriteOffReason(String label, String hint) {
        this.label = label;
        this.hint = hint;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }
}
