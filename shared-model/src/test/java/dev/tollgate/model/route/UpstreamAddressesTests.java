package dev.tollgate.model.route;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.model.route.UpstreamAddresses.Verdict;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamAddressesTests {

    @ParameterizedTest
    @CsvSource({
        "169.254.169.254, FORBIDDEN",
        "100.100.100.200, FORBIDDEN",
        "fd00:ec2::254, FORBIDDEN",
        "64:ff9b::a9fe:a9fe, FORBIDDEN", // NAT64 form of 169.254.169.254
        "::169.254.169.254, FORBIDDEN", // IPv4-compatible form
        "2002:a9fe:a9fe::1, FORBIDDEN", // 6to4 form
        "fe80::1, FORBIDDEN",
        "0.0.0.0, FORBIDDEN",
        "0.1.2.3, FORBIDDEN",
        "224.0.0.1, FORBIDDEN",
        "127.0.0.1, PRIVATE",
        "::127.0.0.1, PRIVATE",
        "::1, PRIVATE",
        "10.0.0.1, PRIVATE",
        "172.16.5.4, PRIVATE",
        "192.168.1.1, PRIVATE",
        "100.64.0.1, PRIVATE",
        "fc00::1, PRIVATE",
        "64:ff9b::a00:1, PRIVATE", // NAT64 form of 10.0.0.1
        "8.8.8.8, PUBLIC",
        "2606:4700::1111, PUBLIC",
        "100.128.0.1, PUBLIC"
    })
    void judgesAddressesByWhatTheyReallyReach(String literal, Verdict expected) throws Exception {
        assertThat(UpstreamAddresses.judge(InetAddress.getByName(literal))).isEqualTo(expected);
    }
}
