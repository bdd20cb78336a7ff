package dev.tollgate.model.route;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which network addresses a provider base URL may point the gateway at (SSRF rules). Shared so that the admin service,
 * which checks a URL when it is saved, and the gateway, which may check again when it connects, judge alike.
 *
 * <p>IPv6 forms that embed an IPv4 address (IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are
 * judged by the IPv4 address they carry, so {@code 64:ff9b::a9fe:a9fe} is the metadata service it encodes.
 */
public final class UpstreamAddresses {

    /** How an address may be used as an upstream. */
    public enum Verdict {
        /** Never: link-local, multicast, unspecified, "this network", or a cloud metadata service. */
        FORBIDDEN,
        /** Only where private upstreams are allowed: loopback, private ranges, unique-local, carrier-grade NAT. */
        PRIVATE,
        /** Always. */
        PUBLIC
    }

    private static final byte[][] METADATA = {
        {(byte) 169, (byte) 254, (byte) 169, (byte) 254}, // AWS, GCP, Azure, OpenStack …
        {100, 100, 100, (byte) 200}, // Alibaba Cloud
    };
    private static final byte[] AWS_IPV6_METADATA = parse("fd00:ec2::254");

    private UpstreamAddresses() {}

    /** The verdict for one resolved address. */
    public static Verdict judge(InetAddress address) {
        InetAddress effective = embeddedIpv4(address);
        if (isForbidden(effective)) {
            return Verdict.FORBIDDEN;
        }
        return isPrivate(effective) ? Verdict.PRIVATE : Verdict.PUBLIC;
    }

    private static boolean isForbidden(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address.isLinkLocalAddress()
                || address.isMulticastAddress()
                || address.isAnyLocalAddress()
                || (address instanceof Inet4Address && bytes[0] == 0) // 0.0.0.0/8, "this network"
                || Arrays.stream(METADATA).anyMatch(metadata -> Arrays.equals(metadata, bytes))
                || Arrays.equals(AWS_IPV6_METADATA, bytes);
    }

    private static boolean isPrivate(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean carrierGradeNat = address instanceof Inet4Address && bytes[0] == 100 && (bytes[1] & 0xc0) == 64;
        boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || carrierGradeNat || uniqueLocal;
    }

    // ::a.b.c.d (compatible), 64:ff9b::a.b.c.d (NAT64) and 2002:AABB:CCDD:: (6to4) carry an IPv4 address.
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address;
        }
        byte[] b = address.getAddress();
        if (zero(b, 0, 12) && !zero(b, 12, 16) && !(zero(b, 12, 15) && b[15] == 1)) {
            return ipv4(b, 12);
        }
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b && zero(b, 4, 12);
        if (nat64) {
            return ipv4(b, 12);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return ipv4(b, 2);
        }
        return address;
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] bytes, int offset) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 4));
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("four bytes are always an IPv4 address", impossible);
        }
    }

    private static byte[] parse(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException("a literal address never needs DNS", impossible);
        }
    }
}
