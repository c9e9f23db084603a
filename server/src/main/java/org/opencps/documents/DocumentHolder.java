package org.opencps.documents;

import org.opencps.platform.ids.OrgId;

/**
 * Implemented by each module that keeps documents (printing, scanning). A stored document that no
 * holder claims, once older than the grace period, is an orphan (left by a crash between storing it
 * and recording what it belongs to) and the sweep deletes it.
 */
public interface DocumentHolder {

    boolean holds(OrgId org, DocumentId document);
}
