package org.vitaleterminal.credential.vt1;

/** The INS: the 15-character matricule (NIR or NIA with key) and its OID. */
public record NationalHealthId(String value, String oid) {
    @Override
    public String toString() {
        return "NationalHealthId[value=***************, oid=" + oid + "]";
    }
}
