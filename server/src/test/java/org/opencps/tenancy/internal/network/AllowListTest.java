package org.opencps.tenancy.internal.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** IP allow-list entries: CIDR networks and single addresses, IPv4 and IPv6, at and around their edges. */
class AllowListTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.0.0.0, true", "10.0.0.0/8, 10.255.255.255, true", "10.0.0.0/8, 11.0.0.0, false",
            "10.0.0.0/8, 9.255.255.255, false", "192.0.2.128/25, 192.0.2.128, true", "192.0.2.128/25, 192.0.2.127, false",
            "192.0.2.7, 192.0.2.7, true", "192.0.2.7, 192.0.2.8, false", "0.0.0.0/0, 203.0.113.9, true",
            "0.0.0.0/0, ::1, false", "::1/128, 0:0:0:0:0:0:0:1, true", "::1, ::1, true", "::1/128, 127.0.0.1, false",
            "2001:db8::/32, 2001:db8:ffff::1, true", "2001:db8::/32, 2001:db9::1, false",
            "2001:db8:0:80::/57, 2001:db8:0:ff::1, true", "2001:db8:0:80::/57, 2001:db8:0:7f::1, false",
            "10.0.0.0/8, ::ffff:10.1.2.3, true", "::/0, 2001:db8::1, true", "::/0, 10.0.0.1, false"})
    void rangesContainExactlyTheirAddresses(String range, String address, boolean contained) {
        assertThat(AllowList.of(List.of(range)).allows(address)).isEqualTo(contained);
    }

    @Test
    void anEmptyListAcceptsEveryAddressAndAListNeverAcceptsWhatIsNoAddress() {
        assertThat(AllowList.of(List.of()).allows("203.0.113.9")).isTrue();
        assertThat(AllowList.of(List.of("0.0.0.0/0", "::/0")).allows("localhost")).isFalse();
        assertThat(AllowList.of(List.of("10.0.0.0/8", "192.0.2.0/24")).allows("192.0.2.200")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"office", "10.0.0", "10.0.0.256", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/8/8",
            "2001:db8::/129", "2001:db8:::1", "2001:db8::1::2", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "::ffff:10.0.0.300",
            "example.com", " 10.0.0.0/8", "0x0a.0.0.1"})
    void whatIsNoNetworkIsRefusedNamingIt(String entry) {
        assertThatThrownBy(() -> AddressRange.parse(entry)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + entry + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3/8", "192.0.2.1/24", "2001:db8::1/32"})
    void aNetworkWithAddressBitsPastItsPrefixIsRefused(String entry) {
        assertThatThrownBy(() -> AddressRange.parse(entry)).hasMessageContaining("bits set beyond");
    }
}
