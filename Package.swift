// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "nhacviec",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nhacviec", targets: ["nhacviec"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.10.0"),
    ],
    targets: [
        // The Vietnamese working calendar: civil dates, the lunar calendar, holidays and working days.
        // Each year's published schedule is a data file (Sources/Calendar/Schedules), embedded in the binary.
        .target(
            name: "WorkingCalendar", dependencies: ["Catalogue", "TOML"], path: "Sources/Calendar",
            resources: [.embedInCode("Schedules")]
        ),
        // What nhacviec says to the clerk about their input, in Vietnamese and English: one catalogue of messages.
        .target(name: "Catalogue"),
        // TOML 1.0 with the line of every key and value, for errors a clerk can act on.
        .target(name: "TOML", dependencies: ["Catalogue"]),
        // Officials, units, tasks, deadlines and the reminder rules: plain values.
        .target(name: "Model", dependencies: ["Catalogue", "WorkingCalendar"]),
        // Schedule sources: the config, TOML plans, Vietnamese deadline phrases and names.
        .target(
            name: "ScheduleSources",
            dependencies: [
                "Catalogue", "Model", "TOML", "WorkingCalendar",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The planner: schedule, calendar and completions in; occurrences, statuses and digests out.
        .target(name: "Planner", dependencies: ["Model", "WorkingCalendar"]),
        // libcurl (Debian's libcurl4-openssl-dev), and typed wrappers over its variadic setters.
        .systemLibrary(name: "CLibCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "CCurlShim", dependencies: ["CLibCurl"]),
        // Transports: SMTP and webhooks through libcurl, and Maildir. They know messages, not tasks.
        .target(
            name: "Transports",
            dependencies: ["CCurlShim", "CLibCurl", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Messages: a digest rendered as a Vietnamese (or English) mail and as webhook payloads.
        .target(
            name: "Messages",
            dependencies: [
                "Catalogue", "Model", "Planner", "WorkingCalendar",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The state database (SQLite through GRDB, Debian's libsqlite3-dev): outbox, attempts, audit log.
        .target(
            name: "Outbox",
            dependencies: [
                "Model", "WorkingCalendar", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The service: the reminders, the reload watcher and the watchdog as services of one ServiceGroup, the
        // virtual clock, systemd notify and the journal. Only `serve` uses it; it knows nothing of the web.
        .target(
            name: "Service",
            dependencies: [
                "App", "Catalogue", "Outbox", "ScheduleSources",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        // `serve` composed: Service's services and Web's as one ServiceGroup, the one place the two meet.
        .target(
            name: "Serve",
            dependencies: [
                "App", "Service", "Web", .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The clerk's and the officials' workspace in the browser: HTTP over App's `Workspace`, nothing else.
        .target(
            name: "Web",
            dependencies: [
                "App", "Catalogue", "Model", "Planner", "Reports", "ScheduleSources", "WorkingCalendar",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The clerk's periodic report: built from the planner, written as Markdown, HTML, CSV or JSON.
        .target(
            name: "Reports",
            dependencies: [
                "Model", "Planner", "WorkingCalendar", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // The one wiring: `Office` (config, calendar, planner, state, transports) and the dispatch pipeline.
        .target(
            name: "App",
            dependencies: [
                "Catalogue", "Messages", "Model", "Outbox", "Planner", "Reports", "ScheduleSources", "Transports",
                "WorkingCalendar",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // Measurements `make bench` takes inside one process (scripts/bench.py).
        .executableTarget(
            name: "nhacviec-bench",
            dependencies: ["App", "Messages", "Planner", "ScheduleSources", "TOML", "Transports", "WorkingCalendar"]
        ),
        .executableTarget(
            name: "nhacviec",
            dependencies: [
                "App", "Catalogue", "Messages", "Model", "Outbox", "Planner", "Reports", "ScheduleSources", "Serve",
                "Service", "Transports", "WorkingCalendar",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CalendarTests",
            dependencies: ["Catalogue", "TestSupport", "WorkingCalendar"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "TOMLTests", dependencies: ["Catalogue", "TestSupport", "TOML"]),
        .testTarget(
            name: "ScheduleSourcesTests",
            dependencies: ["Catalogue", "ScheduleSources", "Model", "Reports", "TestSupport", "WorkingCalendar"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ReportsTests", dependencies: ["Model", "Reports", "WorkingCalendar"]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "Model", "WorkingCalendar"]),
        // Helpers the integration tests share: temporary folders, the test servers, the built binary.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "DeliveryTests",
            dependencies: [
                "App", "Catalogue", "Messages", "Model", "Planner", "ScheduleSources", "TestSupport", "Transports",
                "WorkingCalendar",
            ]
        ),
        .testTarget(
            name: "ServiceTests",
            dependencies: [
                "App", "Catalogue", "Model", "Outbox", "Reports", "Service", "TestSupport", "Transports", "Web",
                "WorkingCalendar", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CLITests", dependencies: ["App", "Planner", "ScheduleSources", "TestSupport", "WorkingCalendar"]
        ),
        .testTarget(
            name: "FuzzTests", dependencies: ["Catalogue", "Model", "ScheduleSources", "TestSupport", "TOML"],
            resources: [.copy("Corpus")]
        ),
    ]
)

// The same language settings for every target of ours.
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .treatAllWarnings(as: .error)
        ]
}
