package org.vitaleterminal.credential.cbor;

/**
 * One decoded CBOR data item of the strict profile: no floats, no indefinite lengths, no
 * undefined or unassigned simple values, map keys only integers or text.
 */
public sealed interface CborItem
        permits CborInteger, CborBytes, CborText, CborArray, CborMap, CborTag, CborBoolean, CborNull {

    /** A short name of the item's type, for error details ("map", "bytes"...). */
    String typeName();
}
