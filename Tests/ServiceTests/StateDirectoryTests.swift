import App
import Testing

@Suite("Where the state is")
struct StateDirectoryTests {
    @Test(
        "state_dir, else systemd's STATE_DIRECTORY, else the service's own for an installed config, else ./state",
        arguments: [
            ("/etc/nhacviec/nhacviec.toml", nil, [:], "/var/lib/nhacviec"),
            ("/etc/nhacviec/ngo-quyen/nhacviec.toml", nil, [:], "/var/lib/nhacviec/ngo-quyen"),
            ("/etc/nhacviec/plans/../nhacviec.toml", nil, [:], "/var/lib/nhacviec"),
            ("/etc/nhacviec/nhacviec.toml", nil, ["STATE_DIRECTORY": "/var/lib/other"], "/var/lib/other"),
            ("/etc/nhacviec/nhacviec.toml", "/srv/nv", ["STATE_DIRECTORY": "/var/lib/other"], "/srv/nv"),
            ("/home/thu/nhacviec/config/nhacviec.toml", nil, [:], "state"),
            ("config/nhacviec.toml", nil, [:], "state"),
        ] as [(String, String?, [String: String], String)])
    func rule(configFile: String, stateDir: String?, environment: [String: String], expected: String) {
        #expect(Office.stateDirectory(configFile: configFile, stateDir: stateDir, environment: environment) == expected)
    }
}
