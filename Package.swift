// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "nhacviec",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nhacviec", targets: ["nhacviec"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        // The Vietnamese working calendar: civil dates, the lunar calendar, holidays and working days.
        .target(name: "WorkingCalendar", path: "Sources/Calendar"),
        .executableTarget(
            name: "nhacviec",
            dependencies: [
                "WorkingCalendar",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CalendarTests",
            dependencies: ["WorkingCalendar"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CLITests", dependencies: ["WorkingCalendar"]),
    ]
)

// The same language settings for every target of ours.
for target in package.targets {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .treatAllWarnings(as: .error)
        ]
}
