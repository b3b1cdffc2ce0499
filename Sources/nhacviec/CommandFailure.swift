/// The exit status of `nhacviec`, as the README and docs/cli.md give it.
enum ExitStatus: Int32 {
    case ok = 0
    case invalidInput = 1
    case usage = 2
    case deliveryFailed = 3
}

/// A command that could not do what it was asked, with the one line to show and the status to exit with.
struct CommandFailure: Error {
    let message: String
    let status: ExitStatus

    init(_ message: String, status: ExitStatus = .invalidInput) {
        self.message = message
        self.status = status
    }
}
