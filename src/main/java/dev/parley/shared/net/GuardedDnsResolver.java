package dev.parley.shared.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * A DNS resolver that refuses internal addresses (loopback, private, link-local, carrier-grade NAT, multicast,
 * benchmarking and unique-local ranges) unless they are allowed, so a URL someone typed in (a site to sync, a
 * webhook or callback address) or a DNS answer cannot make Parley call internal services. Checked at connect
 * time, per resolution, so a rebinding DNS answer is caught too.
 */
public final class GuardedDnsResolver extends SystemDefaultDnsResolver {

    private final boolean allowPrivate;
    private final String refusal;

    /** @param refusal what the refusal says after the host name, e.g. "which sync does not read" */
    public GuardedDnsResolver(boolean allowPrivate, String refusal) {
        this.allowPrivate = allowPrivate;
        this.refusal = refusal;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = super.resolve(host);
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new RefusedAddressException(host + " is a private or local address, " + refusal);
                }
            }
        }
        return addresses;
    }

    /** Whether Parley may connect to this address when private addresses are not allowed. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && first < 224 && !(first == 100 && second >= 64 && second < 128)
                    && !(first == 198 && (second == 18 || second == 19)) && !(first == 192 && second == 0 && b[2] == 0);
        }
        return (b[0] & 0xfe) != 0xfc;
    }
}
