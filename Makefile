# nhacviec: `make demo` and `make test` work on a fresh Debian 12 machine with Swift on PATH.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build, the tests and the demo need; installed by scripts/install-deps.
DEB_PACKAGES := tzdata pkg-config zlib1g-dev libsqlite3-dev systemd procps systemd-container debootstrap libcurl4-openssl-dev openssl python3-aiosmtpd python3-icalendar postfix chromium fonts-dejavu-core lintian libreoffice-calc-nogui unzip curl chromium-driver python3-selenium
BIN := .build/debug/nhacviec
YEAR := $(shell TZ=Asia/Ho_Chi_Minh date +%Y)
DEMO_STATE := $(CURDIR)/.demo-state

.PHONY: deps build test test-systemd lint demo install deb bench fuzz clean

deps:
	@scripts/install-deps $(DEB_PACKAGES)
	@command -v $(SWIFT) >/dev/null || { echo "make: Swift 6 is needed on PATH (swift.org toolchain)" >&2; exit 1; }

build: deps
	$(SWIFT) build

test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(MAKE) test-systemd

# The service under a real systemd: a Debian 12 root (debootstrap, kept in /var/cache/nhacviec-test)
# with the project installed by `make install`, booted with systemd-nspawn.
# `make install` into a staging tree (a debug build, to save time) is what goes into the container.
test-systemd: deps
	rm -rf .build-static/staging .build-static/dist
	$(MAKE) install DESTDIR=$(CURDIR)/.build-static/staging INSTALL_CONFIG=debug
	Tests/Systemd/test-service.sh $(CURDIR)/.build-static/staging
	scripts/make-deb .build-static/debug/nhacviec .build-static/dist
	lintian --fail-on error,warning .build-static/dist/nhacviec_*_amd64.deb
	Tests/Systemd/test-package.sh .build-static/dist/nhacviec_*_amd64.deb

lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

demo: build
	@echo "== Lịch làm việc năm $(YEAR) =="
	@$(BIN) calendar $(YEAR) --config config
	@echo
	@echo "== Âm lịch hôm nay =="
	@$(BIN) lunar
	@echo
	@echo "== Kiểm tra cấu hình mẫu (config/) =="
	@$(BIN) check --config config
	@echo
	@echo "== Dịch vụ chạy trên đồng hồ ảo qua tháng 3/2024, gửi vào Maildir $(DEMO_STATE)/maildir =="
	@rm -rf $(DEMO_STATE)
	@STATE_DIRECTORY=$(DEMO_STATE) $(BIN) serve --config config --clock-start 2024-03-01T06:00:00+07:00 \
		--clock-speed 250000 --until 2024-04-01T00:00:00+07:00 2>&1 | grep -E "queued|started|stopped" | head -40
	@echo
	@echo "== Những gì đã gửi, và tới ai =="
	@/usr/bin/python3 scripts/list-maildir.py $(DEMO_STATE)/maildir
	@echo
	@STATE_DIRECTORY=$(DEMO_STATE) $(BIN) status --config config

# Puts the binary, the unit, an example config and the docs in place (DESTDIR for packaging). The
# binary carries the Swift runtime, so the machine needs only libc, libcurl4, libsqlite3 and tzdata.
INSTALL_CONFIG ?= release
install: deps
	$(SWIFT) build -c $(INSTALL_CONFIG) --static-swift-stdlib --scratch-path .build-static --product nhacviec
	install -D -m 0755 .build-static/$(INSTALL_CONFIG)/nhacviec $(DESTDIR)/usr/local/bin/nhacviec
	install -D -m 0644 systemd/nhacviec.service $(DESTDIR)/etc/systemd/system/nhacviec.service
	install -D -m 0644 systemd/nhacviec.sysusers $(DESTDIR)/usr/local/lib/sysusers.d/nhacviec.conf
	install -d -m 0755 $(DESTDIR)/etc/nhacviec/plans
	install -d -m 0700 $(DESTDIR)/etc/nhacviec/credentials
	[ -e $(DESTDIR)/etc/nhacviec/nhacviec.toml ] || install -m 0644 config/nhacviec.toml $(DESTDIR)/etc/nhacviec/nhacviec.toml
	for plan in config/plans/*; do [ -e $(DESTDIR)/etc/nhacviec/plans/$$(basename $$plan) ] || \
		install -m 0644 $$plan $(DESTDIR)/etc/nhacviec/plans/; done
	install -d $(DESTDIR)/usr/local/share/doc/nhacviec
	cp -r README.md docs $(DESTDIR)/usr/local/share/doc/nhacviec/
	# The service's user, at once on this machine; into a staging tree (DESTDIR), systemd-sysusers is run on
	# the machine it goes to (the package's postinst does).
	[ -n "$(DESTDIR)" ] || systemd-sysusers /usr/local/lib/sysusers.d/nhacviec.conf
	@echo "Installed. Edit /etc/nhacviec/nhacviec.toml, put secrets in /etc/nhacviec/credentials/, then:"
	@echo "  systemctl daemon-reload && systemctl enable --now nhacviec"

# A Debian package of the static release binary, with Debian's own tools (scripts/make-deb): into ./dist.
DEB_CONFIG ?= release
deb: deps
	$(SWIFT) build -c $(DEB_CONFIG) --static-swift-stdlib --scratch-path .build-static --product nhacviec \
		-Xlinker -z -Xlinker relro -Xlinker -z -Xlinker now
	scripts/make-deb .build-static/$(DEB_CONFIG)/nhacviec dist

# The speed and memory targets, measured in one run, as a table (docs/benchmarks.md). A release build, and the static
# build `make install` installs for the idle service.
BENCH_PACKAGES := time swaks msmtp valgrind
bench: deps
	@scripts/install-deps $(BENCH_PACKAGES)
	$(SWIFT) build -c release --product nhacviec
	$(SWIFT) build -c release --product nhacviec-bench
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path .build-static --product nhacviec
	/usr/bin/python3 scripts/bench.py .build/release .build-static/release/nhacviec

# A long fuzzing session (make test runs a short one): FUZZ_ITERATIONS inputs per reader, FUZZ_SEED.
FUZZ_ITERATIONS ?= 100000
fuzz: deps
	FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) FUZZ_SEED=$${FUZZ_SEED:-$$(date +%s)} $(SWIFT) test --filter "FuzzTests|RegressionTests"

clean:
	rm -rf .build .build-static $(DEMO_STATE)
