import App
import ArgumentParser
import Foundation
import Messages
import Model
import Transports

/// `nhacviec send-test`: one message through the configured transport, printing the server's answer.
struct SendTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-test",
        abstract: "Send one test message through the configured mail transport or a webhook; print the server's answer."
    )

    @Option(help: "An email address to send a test mail to.")
    var to: String?

    @Option(help: "The name of a configured [[webhook]] to send a test message to.")
    var webhook: String?

    @OptionGroup var config: ConfigOptions

    func validate() throws {
        guard (to == nil) != (webhook == nil) else {
            throw ValidationError("Give either --to EMAIL or --webhook NAME.")
        }
    }

    func run() throws {
        let office = try config.office(state: .none)
        let delivery: Delivery
        do {
            delivery = try office.delivery()
        } catch {
            throw CommandFailure(text: error.description)
        }
        delivery.warnings.forEach { printError("nhacviec: warning: \($0)") }
        let result: Result<DeliveryReceipt, DeliveryError>
        if let to {
            let address = to.trimmingCharacters(in: .whitespaces)
            guard EmailAddress.isValid(address) else {
                throw CommandFailure(text: "--to \"\(to)\" is not an email address")
            }
            let message = office.composer.testMessage(to: address, date: Date())
            let envelope = MailEnvelope(from: office.composer.sender.address, to: address, message: message)
            result = delivery.mail.send([envelope])[0]
        } else {
            let name = webhook!
            guard let format = delivery.format(of: name) else {
                let names = office.configuration.webhooks.map(\.name)
                throw CommandFailure(
                    text:
                        "no webhook is named \"\(name)\" (configured: \(names.isEmpty ? "none" : names.joined(separator: ", ")))"
                )
            }
            let body = WebhookPayload.test(format: format, note: "nhacviec: tin nhắn thử nghiệm / test message")
            result = delivery.postWebhook(name, body: body, id: "nhacviec-test-\(Int(Date().timeIntervalSince1970))")
        }
        switch result {
        case .success(let receipt):
            print("delivered: \(receipt.answer)")
        case .failure(let error):
            throw CommandFailure(
                text:
                    "not delivered (\(error.isRetryable ? "temporary" : "permanent")): \(error.message)",
                status: .deliveryFailed)
        }
    }
}
