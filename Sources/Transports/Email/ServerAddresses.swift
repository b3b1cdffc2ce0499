import Foundation

/// The addresses a mail server's name resolves to, as the connection will use them: the one place the
/// loopback exemption from STARTTLS is decided. A name is never trusted for what it looks like
/// (`127.relay.example` is any host); only addresses that are loopback are.
struct ServerAddresses: Equatable {
    let addresses: [String]

    init(_ addresses: [String]) { self.addresses = addresses }

    /// Resolves `host` (a name or a numeric address) with the system's resolver; none when it cannot.
    static func resolve(_ host: String) -> ServerAddresses {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var first: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &first) == 0 else { return ServerAddresses([]) }
        defer { freeaddrinfo(first) }
        var addresses: [String] = []
        var entry = first
        while let current = entry {
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(
                current.pointee.ai_addr, current.pointee.ai_addrlen, &text, socklen_t(text.count), nil, 0,
                NI_NUMERICHOST) == 0
            {
                let address = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(address) { addresses.append(address) }
            }
            entry = current.pointee.ai_next
        }
        return ServerAddresses(addresses)
    }

    /// Every address is loopback (127.0.0.0/8, ::1, or 127.x mapped into IPv6); none is not.
    var areLoopback: Bool {
        !addresses.isEmpty
            && addresses.allSatisfy { address in
                let v4 = address.lowercased().hasPrefix("::ffff:") ? String(address.dropFirst(7)) : address
                var ipv4 = in_addr()
                if inet_pton(AF_INET, v4, &ipv4) == 1 { return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127 }
                return address == "::1"
            }
    }

    /// Whether `host` is written as an address, not a name.
    static func isNumeric(_ host: String) -> Bool {
        var ipv4 = in_addr()
        var ipv6 = in6_addr()
        return inet_pton(AF_INET, host, &ipv4) == 1 || inet_pton(AF_INET6, host, &ipv6) == 1
    }

    /// libcurl's `CURLOPT_RESOLVE` entry that makes the connection go to exactly these addresses, so
    /// that what was checked is what is used.
    func pinning(host: String, port: Int) -> String {
        "\(host):\(port):" + addresses.map { $0.contains(":") ? "[\($0)]" : $0 }.joined(separator: ",")
    }
}
