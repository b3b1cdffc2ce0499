# nhacviec: `make demo` and `make test` work on a fresh Debian 12 machine with Swift on PATH.
SHELL := /bin/bash
SWIFT ?= swift
# Debian packages the build, the tests and the demo need; installed by scripts/install-deps.
DEB_PACKAGES := tzdata pkg-config zlib1g-dev libsqlite3-dev systemd procps libcurl4-openssl-dev openssl python3-aiosmtpd python3-icalendar postfix
BIN := .build/debug/nhacviec
YEAR := $(shell TZ=Asia/Ho_Chi_Minh date +%Y)

.PHONY: deps build test lint demo clean

deps:
	@scripts/install-deps $(DEB_PACKAGES)
	@command -v $(SWIFT) >/dev/null || { echo "make: Swift 6 is needed on PATH (swift.org toolchain)" >&2; exit 1; }

build: deps
	$(SWIFT) build

test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test

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
	@echo "== Nhắc việc sẽ gửi trong tháng 3/2024 =="
	@$(BIN) plan --config config --from 2024-03-01 --to 2024-03-31

clean:
	rm -rf .build
