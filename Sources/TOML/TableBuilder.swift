import Catalogue

/// A table while the document is being read: tables are reopened by later headers and dotted keys,
/// so they are shared references until ``freeze()`` turns them into values.
final class TableBuilder {
    enum Origin {
        /// Defined by a `[header]` (or the root); may not be defined again.
        case header
        /// Created as the parent of a header or dotted key; a later header may still define it.
        case implicit
        /// Created by a dotted key (`a.b = 1`); more dotted keys may extend it.
        case dotted
        /// Written inline (`{ … }`); closed once written.
        case inline
    }

    enum Slot {
        case value(TOMLNode, keyLine: Int)
        case table(TableBuilder, keyLine: Int)
        /// A list object, so that appending the 100,000th `[[task]]` does not copy the other 99,999.
        case arrayOfTables(TableList, keyLine: Int)
    }

    final class TableList {
        var tables: [TableBuilder]
        init(_ tables: [TableBuilder]) { self.tables = tables }
    }

    let line: Int
    let column: Int
    var origin: Origin
    /// Keys and their slots in the order written. A task table has a handful of keys, found faster by a
    /// scan than by hashing; a table grown past `indexedFrom` keys gets an index. Both find a key by
    /// ``isSameKey(_:_:)``, its exact characters.
    private var keys: [String] = []
    private var slots: [Slot] = []
    private var index: [ExactKey: Int] = [:]
    private static let indexedFrom = 16

    init(line: Int, column: Int, origin: Origin) {
        self.line = line
        self.column = column
        self.origin = origin
        keys.reserveCapacity(8)
        slots.reserveCapacity(8)
    }

    subscript(key: String) -> Slot? {
        position(of: key).map { slots[$0] }
    }

    func contains(_ key: String) -> Bool { position(of: key) != nil }

    private func position(of key: String) -> Int? {
        keys.count < Self.indexedFrom ? keys.firstIndex { isSameKey($0, key) } : index[ExactKey(text: key)]
    }

    func insert(_ key: String, _ slot: Slot) {
        if let existing = position(of: key) {
            slots[existing] = slot
            return
        }
        append(key, slot)
    }

    /// A key known not to be in the table yet.
    func append(_ key: String, _ slot: Slot) {
        keys.append(key)
        slots.append(slot)
        if keys.count == Self.indexedFrom {
            for (position, key) in keys.enumerated() { index[ExactKey(text: key)] = position }
        } else if keys.count > Self.indexedFrom {
            index[ExactKey(text: key)] = keys.count - 1
        }
    }

    /// The table a header's intermediate key names, created when missing.
    func descend(into key: String, line: Int, column: Int) throws(TOMLError) -> TableBuilder {
        switch self[key] {
        case nil:
            let table = TableBuilder(line: line, column: column, origin: .implicit)
            insert(key, .table(table, keyLine: line))
            return table
        case .table(let table, _):
            return table
        case .arrayOfTables(let list, _):
            return list.tables[list.tables.count - 1]
        case .value(let node, _):
            throw TOMLError(
                line: line, column: column, problem: .alreadyAValue(key, kind: node.value.kind, line: node.line))
        }
    }

    /// The table a dotted key's intermediate part names, created when missing.
    func descendForDottedKey(_ key: String, line: Int, column: Int) throws(TOMLError) -> TableBuilder {
        switch self[key] {
        case nil:
            let table = TableBuilder(line: line, column: column, origin: .dotted)
            insert(key, .table(table, keyLine: line))
            return table
        case .table(let table, _) where table.origin == .dotted || table.origin == .implicit:
            return table
        case .table(let table, _):
            throw TOMLError(line: line, column: column, problem: .tableAlreadyDefined(key, line: table.line))
        case .arrayOfTables:
            throw TOMLError(line: line, column: column, problem: .arrayOfTablesNotTable(key))
        case .value(let node, _):
            throw TOMLError(
                line: line, column: column, problem: .alreadyAValue(key, kind: node.value.kind, line: node.line))
        }
    }

    func freeze() -> TOMLTable {
        TOMLTable(
            entries: zip(keys, slots).map { key, slot in
                switch slot {
                case .value(let node, let keyLine):
                    return TOMLTable.Entry(key: key, keyLine: keyLine, node: node)
                case .table(let table, let keyLine):
                    return TOMLTable.Entry(key: key, keyLine: keyLine, node: table.node())
                case .arrayOfTables(let list, let keyLine):
                    let node = TOMLNode(value: .array(list.tables.map { $0.node() }), line: keyLine, column: 1)
                    return TOMLTable.Entry(key: key, keyLine: keyLine, node: node)
                }
            })
    }

    private func node() -> TOMLNode { TOMLNode(value: .table(freeze()), line: line, column: column) }
}
