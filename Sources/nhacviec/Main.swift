import ArgumentParser
import Foundation
import Service

/// Runs a command and turns its outcome into the documented exit status: 0 ok, 1 invalid input or a
/// failed check, 2 usage, 3 delivery failed.
@main
enum Main {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // The service notes a stop or a reload from its first instant (its group takes them later).
        if arguments.first == "serve" { EarlySignals.catchEarly() }
        do {
            var command = try Nhacviec.parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            printError("nhacviec: \(failure.text)")
            exit(failure.status.rawValue)
        } catch let error as ExitCode {
            exit(error.rawValue)
        } catch {
            let code = Nhacviec.exitCode(for: error)
            if code == .success {
                print(Nhacviec.fullMessage(for: error))
                exit(0)
            }
            printError(Nhacviec.fullMessage(for: error))
            exit(ExitStatus.usage.rawValue)
        }
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
