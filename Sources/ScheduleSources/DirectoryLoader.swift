import Catalogue
import Model

/// Reads `[[official]]` and `[[unit]]` into a ``Directory``: ids unique, every reference resolving, and
/// every official reachable on some channel, since a reminder with nowhere to go would be lost silently.
enum DirectoryLoader {
    static let officialKeys = ["id", "name", "title", "email", "telegram", "phone", "aliases", "escalates_to", "top"]
    static let unitKeys = ["id", "name", "aliases", "contact"]

    static func load(_ reader: inout TableReader, webhooks: [WebhookSettings]) -> Directory {
        var ids: Set<String> = []
        var officials: [(Official, escalation: (name: String, location: SourceLocation)?, at: SourceLocation)] = []
        for entry in reader.tables("official") {
            var entry = entry
            defer { entry.finish(known: officialKeys) }
            guard let id = entry.string("id", required: true), let name = entry.string("name", required: true) else {
                continue
            }
            entry.place = .table("[[official]] \(id)")
            if !ids.insert(id).inserted {
                entry.log.add(entry.location(of: "id"), .secondOfficialID(id))
            }
            let email = entry.string("email")
            if let email, !EmailAddress.isValid(email) {
                entry.log.add(entry.location(of: "email"), .notAnEmailAddress(email))
            }
            let written = entry.string("phone")
            let phone = written.flatMap(PhoneNumber.zalo)
            if let written, phone == nil {
                entry.log.add(entry.location(of: "phone"), .notAPhoneNumber(written))
            }
            let official = Official(
                id: id, name: name, title: entry.string("title") ?? "", email: email,
                telegram: entry.string("telegram"), phone: phone,
                aliases: entry.strings("aliases") ?? [], escalatesTo: nil, isTop: entry.boolean("top") ?? false)
            let escalation = entry.string("escalates_to").map { ($0, entry.location(of: "escalates_to")) }
            officials.append((official, escalation, entry.location(nil)))
        }
        let tops = officials.filter { $0.0.isTop }
        if tops.count > 1 {
            reader.log.add(
                reader.location(of: "official"), .severalTopOfficials(count: tops.count, ids: tops.map(\.0.id)))
        }

        let bare = Directory(officials: officials.map(\.0), units: [], channels: [:])
        var units: [Unit] = []
        for entry in reader.tables("unit") {
            var entry = entry
            defer { entry.finish(known: unitKeys) }
            guard let id = entry.string("id", required: true), let name = entry.string("name", required: true),
                let contact = entry.string("contact", required: true)
            else { continue }
            if !ids.insert(id).inserted {
                entry.log.add(entry.location(of: "id"), .secondOfficialID(id))
            }
            let aliases = entry.strings("aliases") ?? []
            var contactID: OfficialID = ""
            do {
                contactID = try NameResolver(directory: bare).official(contact)
            } catch {
                entry.log.add(entry.location(of: "contact"), .of("contact", in: .unit(name), .name(error)))
            }
            // Kept with no contact when the contact is misspelt: the schedule is refused for that one error,
            // and the unit's tasks still name a unit that exists (not one more error per task).
            units.append(Unit(id: id, name: name, aliases: aliases, contact: contactID))
        }

        let resolver = NameResolver(directory: bare)
        var resolved: [Official] = []
        var places: [OfficialID: SourceLocation] = [:]
        for (official, escalation, place) in officials {
            places[official.id] = place
            var escalatesTo: OfficialID?
            if let escalation {
                do {
                    escalatesTo = try resolver.official(escalation.name)
                } catch {
                    reader.log.add(escalation.location, .of("escalates_to", in: .official(official.id), .name(error)))
                }
            }
            resolved.append(
                Official(
                    id: official.id, name: official.name, title: official.title, email: official.email,
                    telegram: official.telegram, phone: official.phone, aliases: official.aliases,
                    escalatesTo: escalatesTo,
                    isTop: official.isTop))
        }

        var channels: [OfficialID: [Channel]] = [:]
        for official in resolved {
            var list: [Channel] = official.email == nil ? [] : [.email]
            for webhook in webhooks where webhook.reaches(official) {
                list.append(.webhook(webhook.name))
            }
            if list.isEmpty {
                reader.log.add(
                    places[official.id] ?? reader.location(of: "official"), .unreachableOfficial(official.id),
                    hint: .giveAContact)
            }
            channels[official.id] = list
        }
        return Directory(officials: resolved, units: units, channels: channels)
    }
}
