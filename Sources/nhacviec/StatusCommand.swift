import App
import ArgumentParser
import Catalogue
import Foundation
import Outbox

/// `nhacviec status`: what the service has done and will do, read from the state database.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show the next send time, the queue, failures, the last delivery and the last reload.")

    @OptionGroup var config: ConfigOptions

    @OptionGroup var output: OutputOptions

    func run() async throws {
        // A broken edit does not hide the service's status: the version it serves, and the errors.
        let office = try config.office(state: .existing, acceptedIfBroken: true)
        let status: Workspace.Status
        do {
            status = try await Workspace(office: office).status()
        } catch {
            // What failed, for the administrator who runs it.
            throw CommandFailure(text: error.description)
        }
        let summary = status.summary
        // One instant, the office's clock, for every "how long since" and "how long until".
        let now = status.now.timeIntervalSince1970
        let clockBack = status.clockBack
        let reload = status.lastReload
        let zone = office.sendTime.timeZone
        func time(_ seconds: Double?) -> String? {
            seconds.map {
                let formatter = ISO8601DateFormatter()
                formatter.timeZone = zone
                return formatter.string(from: Date(timeIntervalSince1970: $0))
            }
        }
        let report = StatusReport(
            nextSend: time(summary.nextSend), queued: summary.pending, delivered: summary.delivered,
            failed: summary.failed,
            missed: summary.missed,
            lastDelivery: summary.lastDelivered.map {
                .init(
                    digest: $0.digest.description, destination: $0.destination, at: time($0.deliveredAt),
                    answer: $0.lastAnswer)
            },
            failures: summary.recentFailures.map {
                .init(digest: $0.digest.description, destination: $0.destination, at: nil, answer: $0.lastAnswer)
            },
            retrying: summary.retrying.map {
                .init(
                    digest: $0.digest.description, destination: $0.destination, attempts: $0.attempts,
                    lastAnswer: $0.lastAnswer,
                    nextAttempt: time($0.nextAttemptAt))
            },
            lastRound: time(summary.lastRound), deliveringSince: time(summary.deliveringSince),
            secondsSinceLastRound: summary.lastRound.map { Int(now - $0) },
            secondsDelivering: summary.deliveringSince.map { Int(now - $0) },
            stateDirectory: office.stateDirectory, freeBytes: Self.freeBytes(in: office.stateDirectory),
            lastReload: reload.map { .init(at: time($0.at), ok: $0.ok, message: $0.message) },
            rejected: status.rejected.map {
                .init(
                    servingSince: time($0.servingSince?.timeIntervalSince1970),
                    errors: $0.errors.items.map { [language = $0.language] in $0.text(language) })
            },
            clockBack: clockBack.map {
                .init(from: time($0.from), to: time($0.to), givenBack: $0.givenBack, noticedAt: time($0.noticedAt))
            },
            zalo: status.zaloTokens.map {
                .init(
                    webhook: $0.webhook,
                    accessExpiresAt: $0.pair.accessToken.isEmpty ? nil : time($0.pair.accessExpiresAt),
                    refreshExpiresAt: time($0.pair.refreshExpiresAt) ?? "",
                    refreshExpiresSoon: $0.pair.refreshExpiresAt - now < ZaloTokens.warning,
                    authorizeAgain: $0.refusal != nil, reason: $0.refusal)
            },
            zaloQuota: status.zaloQuota.map {
                .init(
                    webhook: $0.webhook, remaining: $0.remaining, daily: $0.daily, at: time($0.at) ?? "",
                    usedUp: $0.usedUp(now: Date(timeIntervalSince1970: now)))
            })
        if output.json {
            try JSONOutput.print(report)
        } else {
            print(report.text(office.language))
        }
    }
}

extension StatusCommand {
    /// The bytes an unprivileged process may still write on the disk of `directory`.
    static func freeBytes(in directory: String) -> Int? {
        var disk = statvfs()
        guard statvfs(directory, &disk) == 0 else { return nil }
        return Int(disk.f_bavail) * Int(disk.f_frsize)
    }
}

/// What `status` prints.
struct StatusReport: Encodable {
    /// Below this, SQLite's next page or journal may not fit.
    static let lowSpace = 1 << 20

    struct Delivery: Encodable {
        let digest: String
        let destination: String
        let at: String?
        let answer: String?
    }

    struct Retry: Encodable {
        let digest: String
        let destination: String
        let attempts: Int
        let lastAnswer: String?
        let nextAttempt: String?

        enum CodingKeys: String, CodingKey {
            case digest, destination, attempts
            case lastAnswer = "last_answer"
            case nextAttempt = "next_attempt"
        }
    }

    struct Reload: Encodable {
        let at: String?
        let ok: Bool
        let message: String
    }

    let nextSend: String?
    let queued: Int
    let delivered: Int
    let failed: Int
    let missed: Int
    let lastDelivery: Delivery?
    let failures: [Delivery]
    /// Failed for now, waiting for their next attempt.
    let retrying: [Retry]
    /// When the service last finished a round, and since when a delivery batch has been going on.
    let lastRound: String?
    let deliveringSince: String?
    let secondsSinceLastRound: Int?
    let secondsDelivering: Int?
    /// The state's folder, and the space left on its disk: SQLite cannot write a full one.
    let stateDirectory: String
    let freeBytes: Int?
    let lastReload: Reload?
    /// The config or plans on disk have errors; the service serves the version accepted before them.
    let rejected: Rejected?
    /// The clock was found earlier than the last evaluation (in the last week).
    let clockBack: ClockBack?
    /// The Zalo webhooks' tokens.
    let zalo: [Zalo]
    /// What ZNS said last of each webhook's daily quota.
    let zaloQuota: [ZaloQuotaLeft]

    struct ZaloQuotaLeft: Encodable {
        let webhook: String
        let remaining: Int
        let daily: Int?
        /// When Zalo said so.
        let at: String
        /// Nothing is left today: the messages wait for the next send time.
        let usedUp: Bool

        enum CodingKeys: String, CodingKey {
            case webhook, remaining, daily, at
            case usedUp = "used_up"
        }
    }

    struct Zalo: Encodable {
        let webhook: String
        let accessExpiresAt: String?
        let refreshExpiresAt: String
        /// Within 7 days the refresh token expires unused.
        let refreshExpiresSoon: Bool
        let authorizeAgain: Bool
        let reason: String?

        enum CodingKeys: String, CodingKey {
            case webhook, reason
            case accessExpiresAt = "access_expires_at"
            case refreshExpiresAt = "refresh_expires_at"
            case refreshExpiresSoon = "refresh_expires_soon"
            case authorizeAgain = "authorize_again"
        }
    }

    struct ClockBack: Encodable {
        let from: String?
        let to: String?
        let givenBack: Int
        let noticedAt: String?

        enum CodingKeys: String, CodingKey {
            case from, to
            case givenBack = "given_back"
            case noticedAt = "noticed_at"
        }
    }

    struct Rejected: Encodable {
        let servingSince: String?
        let errors: [String]

        enum CodingKeys: String, CodingKey {
            case errors
            case servingSince = "serving_since"
        }
    }

    enum CodingKeys: String, CodingKey {
        case queued, delivered, failed, missed, failures, rejected, retrying, zalo
        case zaloQuota = "zalo_quota"
        case lastRound = "last_round"
        case deliveringSince = "delivering_since"
        case secondsSinceLastRound = "seconds_since_last_round"
        case secondsDelivering = "seconds_delivering"
        case stateDirectory = "state_directory"
        case freeBytes = "free_bytes"
        case nextSend = "next_send"
        case clockBack = "clock_back"
        case lastDelivery = "last_delivery"
        case lastReload = "last_reload"
    }

    /// The lines in a language: the office's.
    func text(_ language: Language) -> String {
        var lines: [StatusLine] = [
            .nextSend(nextSend), .queued(queued), .delivered(delivered), .failed(failed), .missed(missed),
            lastDelivery.map {
                .lastDelivery(at: $0.at ?? "?", digest: $0.digest, destination: $0.destination, answer: $0.answer ?? "")
            } ?? .noDelivery,
            lastReload.map { .lastReload(at: $0.at ?? "?", ok: $0.ok, message: $0.message) } ?? .noReload,
            lastRound.map { .lastRound(at: $0, secondsAgo: secondsSinceLastRound ?? 0) } ?? .noRound,
        ]
        // A round runs at least every minute: one older than three says the service is not doing its work.
        if let seconds = secondsSinceLastRound, seconds > 180, queued > 0 || !retrying.isEmpty {
            lines.append(.roundsStopped(minutes: seconds / 60, waiting: queued))
        }
        if let free = freeBytes, free < StatusReport.lowSpace {
            lines.append(.diskFull(directory: stateDirectory, kibibytes: free / 1024))
        }
        if let since = deliveringSince, let seconds = secondsDelivering, seconds > 120 {
            lines.append(.batchHangs(since: since, minutes: seconds / 60))
        }
        var text = lines.map { CommandMessage.status($0).text(language) }
        if !retrying.isEmpty {
            text.append(CommandMessage.status(.retrying).text(language))
            text += retrying.map {
                CommandMessage.status(
                    .retry(
                        digest: $0.digest, destination: $0.destination, attempts: $0.attempts,
                        next: $0.nextAttempt ?? "?", answer: $0.lastAnswer ?? "")
                ).text(language)
            }
        }
        if let rejected {
            text.append(
                CommandMessage.status(
                    .scheduleRejected(errors: rejected.errors.count, since: rejected.servingSince ?? "?")
                ).text(language))
            text += rejected.errors.map { "  \($0)" }
        }
        if let clockBack {
            text.append(
                CommandMessage.status(
                    .clockWentBack(
                        from: clockBack.from ?? "?", to: clockBack.to ?? "?", noticed: clockBack.noticedAt ?? "?",
                        givenBack: clockBack.givenBack)
                ).text(language))
        }
        for webhook in zalo {
            let line: StatusLine =
                webhook.authorizeAgain
                ? .zaloAuthorizeAgain(webhook: webhook.webhook, reason: webhook.reason ?? "")
                : webhook.refreshExpiresSoon
                    ? .zaloRefreshSoon(webhook: webhook.webhook, until: webhook.refreshExpiresAt)
                    : .zaloTokens(
                        webhook: webhook.webhook, accessUntil: webhook.accessExpiresAt,
                        refreshUntil: webhook.refreshExpiresAt)
            text.append(CommandMessage.status(line).text(language))
        }
        for quota in zaloQuota {
            text.append(
                CommandMessage.status(
                    .zaloQuota(
                        webhook: quota.webhook, remaining: quota.remaining, daily: quota.daily, at: quota.at,
                        usedUp: quota.usedUp)
                ).text(language))
        }
        if !failures.isEmpty {
            text.append(CommandMessage.status(.failures).text(language))
            text += failures.map {
                CommandMessage.status(.failure(digest: $0.digest, destination: $0.destination, answer: $0.answer ?? ""))
                    .text(language)
            }
        }
        return text.joined(separator: "\n")
    }
}
