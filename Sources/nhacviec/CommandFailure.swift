import Catalogue

/// The exit status of `nhacviec`, as the README and docs/cli.md give it.
enum ExitStatus: Int32 {
    case ok = 0
    case invalidInput = 1
    case usage = 2
    case deliveryFailed = 3
}

/// A command that could not do what it was asked, with the text to show (in the config's language) and
/// the status to exit with.
struct CommandFailure: Error {
    let text: String
    let status: ExitStatus

    init(_ message: CommandMessage, in language: Language, status: ExitStatus = .invalidInput) {
        self.init(text: message.text(language), status: status)
    }

    /// Words already in the clerk's language: the errors of a config and its plans.
    init(text: String, status: ExitStatus = .invalidInput) {
        self.text = text
        self.status = status
    }
}
