import Foundation
import Planner
import WorkingCalendar

/// The catch-up rule: the send days whose send time fell in (last evaluation, now], split into those
/// still within the catch-up window (sent, folded into one digest per recipient when several) and those
/// older (recorded as missed, never sent late).
struct SendDays: Equatable {
    var recent: [CivilDate] = []
    var missed: [CivilDate] = []

    init(after through: Date, upTo now: Date, sendTime: SendTime, catchUpWithin: TimeInterval) {
        var day = sendTime.day(of: through)
        let today = sendTime.day(of: now)
        while day <= today {
            let instant = sendTime.instant(on: day)
            if instant > through && instant <= now {
                if now.timeIntervalSince(instant) > catchUpWithin {
                    missed.append(day)
                } else {
                    recent.append(day)
                }
            }
            day = day.adding(days: 1)
        }
    }
}
