package org.opencps.platform.secrets;

import com.google.crypto.tink.Aead;

/**
 * The key that wraps every other key. The default lives in a file in the data directory; a
 * key-management service can stand in by providing another bean of this type.
 */
public interface MasterKey {

    /** The AEAD that encrypts and decrypts keysets. */
    Aead keysetWrapper();
}
