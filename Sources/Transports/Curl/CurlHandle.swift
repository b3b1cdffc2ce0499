import CCurlShim
import CLibCurl
import Foundation

/// One libcurl easy handle and what it heard. Kept for a batch so libcurl reuses its connection.
///
/// libcurl calls back into C function pointers; the handle passes itself through `Unmanaged` as the
/// callbacks' user data, as swift-corelibs-foundation's `EasyHandle` does.
final class CurlHandle {
    private let handle: UnsafeMutableRawPointer
    /// The body to upload (an SMTP message, an HTTP body) and how much has been sent.
    private var upload: [UInt8] = []
    private var uploaded = 0
    /// What the server said: SMTP reply lines, or the HTTP status line and headers.
    private(set) var serverLines: [String] = []
    private(set) var responseBody: [UInt8] = []
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private let control: TransferControl
    /// The sockets libcurl has open, to cut a dead connection instead of waiting on it.
    private var sockets: Set<Int32> = []
    /// A transfer failed: the connection may be dead, and must not be politely closed.
    private var failed = false

    init(control: TransferControl = TransferControl()) throws(DeliveryError) {
        self.control = control
        Curl.initializeOnce()
        guard let handle = curl_easy_init() else { throw DeliveryError(.temporary, "libcurl could not make a handle") }
        self.handle = handle
        let owner = Unmanaged.passUnretained(self).toOpaque()
        nhv_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        nhv_setopt_write(
            handle,
            { buffer, size, count, owner in
                let me = Unmanaged<CurlHandle>.fromOpaque(owner!).takeUnretainedValue()
                let length = size * count
                if let buffer, me.responseBody.count < 1 << 20 {
                    me.responseBody.append(contentsOf: UnsafeRawBufferPointer(start: buffer, count: length))
                }
                return length
            }, owner)
        nhv_setopt_read(
            handle,
            { buffer, size, count, owner in
                let me = Unmanaged<CurlHandle>.fromOpaque(owner!).takeUnretainedValue()
                let length = min(size * count, me.upload.count - me.uploaded)
                guard length > 0, let buffer else { return 0 }
                me.upload.withUnsafeBytes { bytes in
                    UnsafeMutableRawPointer(buffer).copyMemory(
                        from: bytes.baseAddress! + me.uploaded, byteCount: length)
                }
                me.uploaded += length
                return length
            }, owner)
        nhv_setopt_progress(
            handle,
            { owner in
                Unmanaged<CurlHandle>.fromOpaque(owner!).takeUnretainedValue().control.tick() ? 1 : 0
            }, owner)
        nhv_setopt_sockets(
            handle,
            { owner, socket, opened in
                let me = Unmanaged<CurlHandle>.fromOpaque(owner!).takeUnretainedValue()
                if opened != 0 { me.sockets.insert(socket) } else { me.sockets.remove(socket) }
            }, owner)
        // Lines the server sends (SMTP replies, HTTP headers); never what we send, which holds secrets.
        nhv_setopt_debug(
            handle,
            { _, type, data, size, owner in
                guard type == CURLINFO_HEADER_IN, let data, let owner else { return 0 }
                let me = Unmanaged<CurlHandle>.fromOpaque(owner).takeUnretainedValue()
                let text = String(decoding: UnsafeRawBufferPointer(start: data, count: size), as: UTF8.self)
                for line in text.split(whereSeparator: \.isNewline) where me.serverLines.count < 200 {
                    me.serverLines.append(String(line))
                }
                return 0
            }, owner)
    }

    deinit {
        // After a failure the server may be gone or stalled: libcurl's cleanup would send SMTP's QUIT and
        // wait up to two minutes for an answer. Shut the sockets first, so that it gives up at once.
        if failed { sockets.forEach { shutdown($0, Int32(SHUT_RDWR)) } }
        curl_easy_cleanup(handle)
        lists.forEach { curl_slist_free_all($0) }
    }

    func set(_ option: CURLoption, _ value: Int) throws(DeliveryError) {
        try check(nhv_setopt_long(handle, option, value), "setting option \(option.rawValue)")
    }

    func set(_ option: CURLoption, _ value: String) throws(DeliveryError) {
        try check(value.withCString { nhv_setopt_string(handle, option, $0) }, "setting option \(option.rawValue)")
    }

    func set(_ option: CURLoption, list values: [String]) throws(DeliveryError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for value in values { list = curl_slist_append(list, value) }
        if let list { lists.append(list) }
        try check(nhv_setopt_list(handle, option, list), "setting option \(option.rawValue)")
    }

    /// POSTs `body` over HTTP(S) with these header lines; returns libcurl's code (the answer in
    /// ``responseCode`` and ``responseBody``).
    func post(_ url: String, headers: [String], body: [UInt8], timeout: Int) throws(DeliveryError) -> CURLcode {
        try set(CURLOPT_URL, url)
        try set(CURLOPT_POST, 1)
        try set(CURLOPT_POSTFIELDSIZE, body.count)
        try set(CURLOPT_HTTPHEADER, list: headers + ["Expect:"])
        try set(CURLOPT_TIMEOUT, timeout)
        try set(CURLOPT_CONNECTTIMEOUT, min(10, timeout))
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        return perform(uploading: body)
    }

    /// The handle kept in `kept`, made on first use: one per transport, so that requests to one host reuse
    /// their connection.
    static func reused(_ kept: inout CurlHandle?, control: TransferControl) throws(DeliveryError) -> CurlHandle {
        if let kept { return kept }
        let handle = try CurlHandle(control: control)
        kept = handle
        return handle
    }

    /// Runs one transfer with `body` as the upload; returns libcurl's code and forgets the last answer.
    func perform(uploading body: [UInt8]?) -> CURLcode {
        upload = body ?? []
        uploaded = 0
        serverLines = []
        responseBody = []
        let code = curl_easy_perform(handle)
        if code != CURLE_OK { failed = true }
        return code
    }

    /// The last response code: the SMTP reply code or the HTTP status.
    var responseCode: Int { Int(nhv_getinfo_long(handle, CURLINFO_RESPONSE_CODE)) }

    private func check(_ code: CURLcode, _ what: String) throws(DeliveryError) {
        guard code == CURLE_OK else {
            throw DeliveryError(.permanent, "libcurl refused \(what): \(Curl.describe(code))")
        }
    }
}

enum Curl {
    private static let initialized: Bool = {
        // SIGPIPE from a peer that hung up must not kill the daemon; libcurl is told not to use signals.
        signal(SIGPIPE, SIG_IGN)
        return curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK
    }()

    static func initializeOnce() { _ = initialized }

    static func describe(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code)) + " (curl \(code.rawValue))"
    }
}
