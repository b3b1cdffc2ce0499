import Foundation
import Outbox

/// What the service has done and will do, as `status` shows it: the queue, the last round and delivery,
/// the failures and retries, the last reload, a clock that went back, Zalo's tokens and quota.
extension Workspace {
    public struct Status: Sendable {
        /// The instant it is told at, on the office's clock: every "how long since" counts from it.
        public let now: Date
        public let summary: OutboxSummary
        public let lastReload: ReloadLog.Entry?
        /// A clock that went back within the last week; older ones are history.
        public let clockBack: ClockBack?
        public let zaloTokens: [ZaloTokens.Standing]
        public let zaloQuota: [ZaloQuota.Standing]
        /// The version refused while the one before it serves.
        public let rejected: RejectedSchedule?
    }

    /// The status as the state has it now.
    public func status() throws(WorkspaceError) -> Status {
        let now = now()
        return try using {
            let outbox = Outbox(database: state)
            return Status(
                now: now, summary: try outbox.summary(), lastReload: try ReloadLog(database: state).last(),
                clockBack: try outbox.lastClockBack().flatMap {
                    now.timeIntervalSince1970 - $0.noticedAt < 7 * 86_400 ? $0 : nil
                }, zaloTokens: try ZaloTokens(database: state).all(), zaloQuota: try ZaloQuota(database: state).all(),
                rejected: office.rejected)
        }
    }
}
