package org.opencps.platform.ids;

/** Where an organization stands in the tree. */
public enum OrgKind {
    /** The regional headquarters: the one root of the tree. */
    ROOT_PROVIDER,
    /** A sales company or dealer, at any depth below the root. */
    PROVIDER,
    /** A customer organization: a leaf, where printing and scanning happen. */
    CUSTOMER;

    public boolean isProvider() {
        return this != CUSTOMER;
    }
}
