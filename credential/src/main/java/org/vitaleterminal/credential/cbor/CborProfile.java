package org.vitaleterminal.credential.cbor;

import java.util.Set;

/**
 * What a strict decode allows beyond the fixed rules (definite lengths, no floats, no duplicate
 * or non-scalar map keys, no trailing bytes): how deep containers may nest and which tags may
 * appear.
 *
 * @param maxDepth    the deepest nesting of arrays, maps and tags; the top-level container is 1
 * @param allowedTags tag numbers that may appear anywhere in the item; every other tag is refused
 */
public record CborProfile(int maxDepth, Set<Long> allowedTags) {
    /** VT1 (spec §2.3): depth ≤ 8; tag 18 only, and the COSE layer checks where it stands. */
    public static final CborProfile VT1_COSE = new CborProfile(8, Set.of(18L));
    /** Payloads inside a COSE_Sign1 (claims, headers, disclosures): depth ≤ 8, no tags at all. */
    public static final CborProfile VT1_PAYLOAD = new CborProfile(8, Set.of());

    /** The decoder recurses once per level: this bound keeps it far from any thread's stack limit. */
    public static final int MAX_DEPTH_LIMIT = 64;

    public CborProfile {
        if (maxDepth < 1 || maxDepth > MAX_DEPTH_LIMIT) {
            throw new IllegalArgumentException("maxDepth must be within 1.." + MAX_DEPTH_LIMIT);
        }
        allowedTags = Set.copyOf(allowedTags);
    }
}
