import ArgumentParser
import Foundation

/// Runs a command and turns its outcome into the documented exit status: 0 ok, 1 invalid input or a
/// failed check, 2 usage, 3 delivery failed.
@main
enum Main {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try Nhacviec.parseAsRoot(arguments)
            try command.run()
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
