import App
import Catalogue
import Foundation
import Model
import Outbox
import Reports

/// Sign-in without passwords: an official types their email; when it is in the directory a one-time link,
/// valid 15 minutes, goes out through the outbox like any mail (same transports, same retries). The
/// answer is the same whether the address is known or not. Following the link opens a session kept in
/// the state, which signing out or the administrator revokes, and which ends after a working day idle.
public enum SignIn {
    public static let linkLifetime: Double = 15 * 60
    public static let sessionIdle: Double = 12 * 3600
    /// Link requests allowed per address and per client address in an hour.
    public static let requestsPerHour = 5

    enum Request: Equatable {
        /// Answered with the same page whether the address is known or not.
        case answered
        case tooMany
    }

    /// A link request from the sign-in form.
    static func request(email: String, client: String, office: Office, linkBase: String, now: Date) throws -> Request {
        let state = try office.requiredState()
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let counts = try WebAccess(database: state).countLinkRequest(
            address: address, client: client, now: now.timeIntervalSince1970)
        guard counts.address <= requestsPerHour && counts.client <= requestsPerHour else { return .tooMany }
        guard
            let official = office.schedule.directory.officials.first(where: { $0.email?.lowercased() == address }),
            let to = official.email
        else { return .answered }
        let link = try issueLink(for: official.id, office: office, base: linkBase, now: now)
        let words = WebWords.words(office.language)
        let key = "sign-in:\(Tokens.hash(link).prefix(16))"
        let text = "\(words[WebWord.linkMail])\n\n\(link)\n"
        let html =
            "<p>\(HTMLReport.escape(words[WebWord.linkMail]))</p><p><a href=\"\(HTMLReport.escape(link))\">\(HTMLReport.escape(words[WebWord.signIn]))</a></p>"
        try WorkspaceMail.send(
            to: official, address: to, kind: .signInLink, what: "sign-in", key: key,
            subject: words[WebWord.linkSubject], text: text, html: html, office: office, now: now)
        return .answered
    }

    /// A new one-time link for an official (the sign-in form, or `nhacviec web-link` when mail is down).
    public static func issueLink(for official: OfficialID, office: Office, base: String, now: Date) throws -> String {
        let token = Tokens.make()
        try WebAccess(database: try office.requiredState()).issueLink(
            tokenHash: Tokens.hash(token), official: official, now: now.timeIntervalSince1970,
            expiresAt: now.timeIntervalSince1970 + linkLifetime)
        return "\(base)/dang-nhap/\(token)"
    }

    /// Follows a link: a new session (its cookie's value) for the official it names, or nil when it is
    /// unknown, expired or used.
    static func follow(token: String, client: String, office: Office, now: Date) throws -> String? {
        let access = WebAccess(database: try office.requiredState())
        guard let official = try access.useLink(tokenHash: Tokens.hash(token), now: now.timeIntervalSince1970),
            office.schedule.directory.official(official) != nil
        else { return nil }
        let session = Tokens.make()
        try access.openSession(
            idHash: Tokens.hash(session), official: official, csrf: Tokens.make(), client: client,
            now: now.timeIntervalSince1970)
        return session
    }

    /// The open session of a cookie's value.
    static func session(_ cookie: String, office: Office, now: Date) throws -> WebAccess.Session? {
        try WebAccess(database: try office.requiredState()).session(
            idHash: Tokens.hash(cookie), now: now.timeIntervalSince1970, idle: sessionIdle)
    }

    /// Signs an official out of every session (`nhacviec web-link --revoke`); returns how many.
    public static func revokeSessions(of official: OfficialID, office: Office, now: Date) throws -> Int {
        try WebAccess(database: try office.requiredState()).revokeAll(
            official: official, now: now.timeIntervalSince1970)
    }

    static func signOut(_ cookie: String, office: Office, now: Date) throws {
        try WebAccess(database: try office.requiredState()).revoke(
            idHash: Tokens.hash(cookie), now: now.timeIntervalSince1970)
    }
}
