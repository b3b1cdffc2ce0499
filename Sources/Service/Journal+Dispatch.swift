import App

extension Journal {
    /// A step of the dispatcher as one journal line: deliveries at info, retries at warning, failures at
    /// error.
    func record(_ event: DispatchEvent) {
        switch event {
        case .queued(let count, let day):
            info("queued \(count) notification(s) for \(day.iso)")
        case .missed(let count, let days):
            let span =
                days.count == 1 ? days[0].iso : "\(days.count) send days, \(days[0].iso)…\(days[days.count - 1].iso)"
            warning(
                "\(count) notification(s) recorded as missed, not sent (\(span)): their send time passed while the "
                    + "service was down, beyond the catch-up window")
        case .caughtUp(let days):
            info("catching up \(days) send days in one digest per recipient")
        case .delivered(let item, let answer):
            info("delivered \(item.digest) to \(item.destination): \(answer)")
        case .willRetry(let item, let reason):
            warning("will retry \(item.digest) to \(item.destination): \(reason)")
        case .postponed(let item, let until, let reason):
            warning("kept \(item.digest) to \(item.destination) queued until \(until.ISO8601Format()): \(reason)")
        case .failed(let item, let reason):
            error("failed \(item.digest) to \(item.destination): \(reason)")
        case .clockWentBack(let from, let to, let givenBack):
            error(
                "the clock went back from \(from.ISO8601Format()) to \(to.ISO8601Format()): it had run ahead; "
                    + "\(givenBack) notification(s) recorded for the time in between and not delivered are given back "
                    + "to the plan and go out when their time comes; what was delivered is not sent again")
        }
    }
}
