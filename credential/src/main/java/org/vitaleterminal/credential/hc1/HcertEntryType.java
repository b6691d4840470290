package org.vitaleterminal.credential.hc1;

/** The three DCC entry types and the extended-key-usage OIDs that restrict a DSC to them. */
public enum HcertEntryType {
    TEST("t", "1.3.6.1.4.1.0.1847.2021.1.1", "1.3.6.1.4.1.1847.2021.1.1"),
    VACCINATION("v", "1.3.6.1.4.1.0.1847.2021.1.2", "1.3.6.1.4.1.1847.2021.1.2"),
    RECOVERY("r", "1.3.6.1.4.1.0.1847.2021.1.3", "1.3.6.1.4.1.1847.2021.1.3");

    private final String dccKey;
    private final String oid;
    private final String oidWithoutZeroArc;

    HcertEntryType(String dccKey, String oid, String oidWithoutZeroArc) {
        this.dccKey = dccKey;
        this.oid = oid;
        this.oidWithoutZeroArc = oidWithoutZeroArc;
    }

    /** The key of this entry type's array in the DCC payload. */
    public String dccKey() {
        return dccKey;
    }

    /** Whether an EKU OID names this type (the spec's OID, or the test data's variant without the {@code .0} arc). */
    public boolean matchesOid(String candidate) {
        return oid.equals(candidate) || oidWithoutZeroArc.equals(candidate);
    }
}
