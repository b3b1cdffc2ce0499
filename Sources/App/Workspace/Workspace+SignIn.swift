import Catalogue
import Foundation
import Model
import Outbox
import Reports

/// Sign-in without passwords: an official types their email; when it is in the directory a one-time link,
/// valid 15 minutes, goes out through the outbox like any mail (same transports, same retries). The
/// answer is the same whether the address is known or not. Following the link opens a session kept in
/// the state, which signing out or the administrator revokes, and which ends after a working day idle.
extension Workspace {
    public static let linkLifetime: Double = 15 * 60
    public static let sessionIdle: Double = 12 * 3600
    /// Link requests allowed per address and per client address in an hour.
    public static let requestsPerHour = 5

    /// A link request from the sign-in form; the same answer whether the address is known or not.
    ///
    /// - Throws: ``WorkspaceError/Kind/tooMany`` past ``requestsPerHour`` for the address or the client.
    public func requestSignInLink(email: String, client: String) throws(WorkspaceError) {
        let now = now()
        let address = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let counts = try using {
            try WebAccess(database: state).countLinkRequest(
                address: address, client: client, now: now.timeIntervalSince1970)
        }
        guard counts.address <= Self.requestsPerHour && counts.client <= Self.requestsPerHour else {
            throw refusal(.tooMany, .tooMany)
        }
        guard
            let official = office.schedule.directory.officials.first(where: { $0.email?.lowercased() == address }),
            let to = official.email
        else { return }
        let link = try issueSignInLink(for: official.id, base: reportLinks?.base ?? "")
        let words = WebWords.words(language)
        let html =
            "<p>\(HTMLReport.escape(words[WebWord.linkMail]))</p><p><a href=\"\(HTMLReport.escape(link))\">\(HTMLReport.escape(words[WebWord.signIn]))</a></p>"
        try send(
            to: official, address: to, kind: .signInLink, mail: .signIn, key: "sign-in:\(Tokens.hash(link).prefix(16))",
            subject: words[WebWord.linkSubject], text: "\(words[WebWord.linkMail])\n\n\(link)\n", html: html)
        tell(.send)
    }

    /// A new one-time link for an official (the sign-in form, or `nhacviec web-link` when mail is down),
    /// starting with `base`.
    public func issueSignInLink(for official: OfficialID, base: String) throws(WorkspaceError) -> String {
        let token = Tokens.make()
        let now = now().timeIntervalSince1970
        try using {
            try WebAccess(database: state).issueLink(
                tokenHash: Tokens.hash(token), official: official, now: now, expiresAt: now + Self.linkLifetime)
        }
        return "\(base)/dang-nhap/\(token)"
    }

    /// Follows a link: a new session, whose cookie's value is returned, for the official it names.
    ///
    /// - Throws: ``WorkspaceError/Kind/forbidden`` when the link is unknown, expired or used.
    public func signIn(token: String, client: String) throws(WorkspaceError) -> String {
        let access = WebAccess(database: state)
        let now = now().timeIntervalSince1970
        guard let official = try using({ try access.useLink(tokenHash: Tokens.hash(token), now: now) }),
            office.schedule.directory.official(official) != nil
        else { throw refusal(.forbidden, .linkRefused) }
        let session = Tokens.make()
        try using {
            try access.openSession(
                idHash: Tokens.hash(session), official: official, csrf: Tokens.make(), client: client, now: now)
        }
        return session
    }

    /// The viewer of a session's cookie, when the session is open and its official still in the directory.
    public func signedIn(cookie: String) throws(WorkspaceError) -> SignedIn? {
        let now = now().timeIntervalSince1970
        guard
            let session = try using({
                try WebAccess(database: state).session(idHash: Tokens.hash(cookie), now: now, idle: Self.sessionIdle)
            }),
            let viewer = Viewer(session.official, in: office)
        else { return nil }
        return SignedIn(viewer: viewer, csrf: session.csrf)
    }

    public func signOut(cookie: String) throws(WorkspaceError) {
        let now = now().timeIntervalSince1970
        try using { try WebAccess(database: state).revoke(idHash: Tokens.hash(cookie), now: now) }
    }

    /// Signs an official out of every session (`nhacviec web-link --revoke`); returns how many.
    public func revokeSessions(of official: OfficialID) throws(WorkspaceError) -> Int {
        let now = now().timeIntervalSince1970
        return try using { try WebAccess(database: state).revokeAll(official: official, now: now) }
    }
}
