import Foundation

/// `body` for every index in `0..<count`, spread over every core, the results in index order.
public func concurrentMap<Output>(_ count: Int, _ body: @Sendable (Int) -> Output) -> [Output] {
    let slots = UnsafeMutableBufferPointer<Output?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer {
        _ = slots.deinitialize()
        slots.deallocate()
    }
    let shared = SharedSlots(buffer: slots)
    DispatchQueue.concurrentPerform(iterations: count) { index in shared.buffer[index] = body(index) }
    return slots.map { $0! }
}

/// The result slots of ``concurrentMap(_:_:)``: each thread writes its own element, and the slots are read
/// only once every thread is done.
private struct SharedSlots<Output>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Output?>
}

/// How many pieces to cut parallel work into: a few per core, so that uneven pieces even out.
let concurrentPieces = 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
