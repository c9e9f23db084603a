package org.opencps.tenancy;

import org.opencps.platform.errors.ConflictException;

/** How deep the tree may grow: the materialized path of the deepest organization must fit its column. */
final class TreeRules {

    /** Levels below the root. */
    static final int MAX_DEPTH = 50;

    private TreeRules() {
    }

    /** The parent's path holds one id per level from the root, each followed by '/'. */
    static void requireRoomBelow(String parentPath) {
        long parentDepth = parentPath.chars().filter(c -> c == '/').count() - 2;
        if (parentDepth + 1 > MAX_DEPTH) {
            throw new ConflictException(null, "problem.organization.tooDeep", "the tree is at most " + MAX_DEPTH + " levels deep below the root", MAX_DEPTH);
        }
    }
}
