import ArgumentParser

/// The command line: one binary for the clerk, the administrator and the service.
struct Nhacviec: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhacviec",
        abstract: "Nhắc việc: deadline reminders for a ward People's Committee, on the Vietnamese working calendar.",
        subcommands: [
            CheckCommand.self, CalendarCommand.self, LunarCommand.self, TasksCommand.self, PlanCommand.self,
            ImportCommand.self, SendTestCommand.self, DoneCommand.self, ReopenCommand.self, StatusCommand.self,
            ServeCommand.self, ReportCommand.self, BackupCommand.self, WebLinkCommand.self, ZaloTokenCommand.self,
        ]
    )
}

/// Options every subcommand that prints takes.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON (the fields are documented in docs/cli.md).")
    var json = false
}
