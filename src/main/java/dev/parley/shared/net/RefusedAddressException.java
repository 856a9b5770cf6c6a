package dev.parley.shared.net;

import java.net.UnknownHostException;

/** A host resolved only to addresses Parley may not call ({@link GuardedDnsResolver}); callers tell it from DNS failure. */
public final class RefusedAddressException extends UnknownHostException {

    public RefusedAddressException(String message) {
        super(message);
    }
}
