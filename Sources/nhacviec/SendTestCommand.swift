import App
import ArgumentParser
import Catalogue
import Foundation
import Messages
import Model
import ScheduleSources
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

    @Option(help: "For a zalo-zns webhook: the phone to send the test to (the clerk's, when not given).")
    var phone: String?

    @OptionGroup var config: ConfigOptions

    func validate() throws {
        guard (to == nil) != (webhook == nil) else {
            throw ValidationError("Give either --to EMAIL or --webhook NAME.")
        }
    }

    func run() throws {
        let office = try config.office(state: .none)
        let hook = try webhook.map { name in
            guard let settings = office.configuration.webhooks.first(where: { $0.name == name }) else {
                let names = office.configuration.webhooks.map(\.name)
                throw CommandFailure(
                    text:
                        "no webhook is named \"\(name)\" (configured: \(names.isEmpty ? "none" : names.joined(separator: ", ")))"
                )
            }
            return settings
        }
        let delivery: Delivery
        do {
            // A Zalo webhook sends with the OA's tokens, kept in the state.
            delivery = try office.delivery(state: hook?.kind.isZalo == true ? try office.openStateAsOwner() : nil)
        } catch let error as OfficeError {
            throw CommandFailure(text: error.text(.en))
        } catch let error as SecretError {
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
            result = try sendToWebhook(hook!, office: office, delivery: delivery)
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

    /// A test message to a webhook; to a Zalo one with the OA's tokens of the state, as its owner.
    private func sendToWebhook(_ settings: WebhookSettings, office: Office, delivery: Delivery) throws -> Result<
        DeliveryReceipt, DeliveryError
    > {
        let name = settings.name
        let note = "nhacviec: tin nhắn thử nghiệm / test message"
        let id = "nhacviec-test-\(Int(Date().timeIntervalSince1970))"
        let today = office.sendTime.day(of: office.clock.now())
        guard settings.kind.isZalo else {
            let format = delivery.format(of: name)!
            return delivery.postWebhook(name, body: WebhookPayload.test(format: format, note: note, day: today), id: id)
        }
        var recipient = office.configuration.clerk.flatMap(office.schedule.directory.official)
        if let phone {
            guard let number = PhoneNumber.zalo(phone) else {
                throw CommandFailure(text: "--phone: " + Message.notAPhoneNumber(phone).text(.en))
            }
            recipient = Official(id: "send-test", name: recipient?.name ?? "", title: "", phone: number)
        }
        guard let format = delivery.format(of: name, recipient: recipient) else {
            throw CommandFailure(text: "webhook \"\(name)\" is not configured whole")
        }
        if case .zaloZNS(let to, _, _, _) = format, to.isEmpty {
            throw CommandFailure(
                text: "webhook \"\(name)\" sends by ZNS to a phone: give --phone NUMBER (the clerk has none)")
        }
        let body = WebhookPayload.test(
            format: format, note: note, name: recipient?.name ?? "", day: today,
            link: office.configuration.web?.publicURL ?? "")
        do {
            return try office.asStateOwner { delivery.postWebhook(name, body: body, id: id) }
        } catch {
            throw CommandFailure(text: error.text(.en))
        }
    }
}
