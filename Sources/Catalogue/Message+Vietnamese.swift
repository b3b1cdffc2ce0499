extension Message {
    /// The Vietnamese text: what the clerk reads unless the config says `language = "en"`.
    var vietnamese: String {
        switch self {
        case .toml(let problem): problem.vietnamese
        case .deadline(let error): error.vietnamese
        case .name(let error): error.vietnamese
        case .date(let error): error.vietnamese
        case .spreadsheet(let error): error.vietnamese
        case .of(let key, let place?, let message): "\(key) của \(place.vietnamese): \(message.vietnamese)"
        case .of(let key, nil, let message): "\(key): \(message.vietnamese)"

        case .unknownKey(let key, let place): "khóa \"\(key)\" không có trong \(place.vietnamese)"
        case .missingKey(let key, let place): "\(place.vietnamese) thiếu khóa \"\(key)\""
        case .wrongType(let key, let place, let expected, let found):
            "\(key) trong \(place.vietnamese) phải là \(expected.vietnamese), không phải \(found.vietnamese)"
        case .outOfRange(let key, let place, let lower, let upper, let found):
            "\(key) trong \(place.vietnamese) phải từ \(lower) đến \(upper), không phải \(found)"
        case .notWholeNumbers(let key, let place, let lower, let upper):
            "\(key) trong \(place.vietnamese) phải là các số nguyên từ \(lower) đến \(upper)"
        case .notOneOf(let key, let place, let choices, let found):
            "\(key) trong \(place.vietnamese) phải là một trong \(Self.quoted(choices)), không phải \"\(found)\""

        case .cannotReadListed(let path, let reason): "không đọc được \(path): \(reason.vietnamese)"
        case .cannotReadFile(let reason): "không đọc được tệp: \(reason.vietnamese)"
        case .notUTF8: "tệp không phải văn bản UTF-8"
        case .cannotReadAsPlan(let path): "không đọc được \(path) như một kế hoạch"
        case .noPlans: "chưa khai báo kế hoạch nào (plans)"
        case .templateNotUTF8: "mẫu thư không đọc được như văn bản UTF-8"
        case .templateUnreadable(let reason): "mẫu thư không đọc được: \(reason)"
        case .templateSyntax(let reason, let column): "mẫu thư không đọc được: \(reason), tại cột \(column)"
        case .templateMissingPartial(let name, let known):
            "mẫu thư gọi {{> \(name)}}, mà không có mẫu này (các mẫu: \(known.joined(separator: ", ")))"
        case .templatePartialCycle(let names):
            "các mẫu thư gọi lẫn nhau không dứt: \(names.joined(separator: " → "))"
        case .templateTooDeep(let limit): "các khối lồng nhau quá \(limit) tầng tại đây"

        case .unknownTimeZone(let zone): "không có múi giờ \"\(zone)\""
        case .secondScheduleForYear(let year): "lịch nghỉ năm \(year) được khai báo lần thứ hai"
        case .plansNotAnArray(let found): "plans phải là một mảng đường dẫn, không phải \(found.vietnamese)"
        case .plansEntryWrongType(let found):
            "plans chỉ gồm đường dẫn hoặc bảng { path = …, year = … }, không phải \(found.vietnamese)"
        case .notATimeOfDay(let key, let found): "\(key) \"\(found)\" không phải là giờ trong ngày"
        case .notADuration(let key, let found): "\(key) \"\(found)\" không phải là một khoảng thời gian"
        case .escalationOrder(let top, let after):
            "escalate_top_after (\(top)) phải lớn hơn hoặc bằng escalate_after (\(after))"
        case .urlScheme(let what, let url, let schemes):
            "địa chỉ \(what) \"\(url)\" phải bắt đầu bằng \(Self.list(schemes, or: "hoặc"))"
        case .maildirNotAbsolute(let path):
            "thư mục thư (Maildir) \"\(path)\" phải là đường dẫn tuyệt đối: file:/// rồi đến thư mục"
        case .maildirSystemFolder(let path):
            "thư mục thư (Maildir) không được là thư mục hệ thống \(path); hãy dùng một thư mục riêng"
        case .maildirNotAFolder(let path): "thư mục thư (Maildir) \(path) là một tệp, không phải thư mục"
        case .fromOnOneLine: "from của email phải viết trên một dòng"
        case .secondWebhookName(let name): "có hai webhook cùng tên \"\(name)\""
        case .notAZaloWebhook(let name, let configured):
            "tokens_from: \"\(name)\" không phải là webhook Zalo có mã của riêng nó"
                + (configured.isEmpty ? "" : " (có: \(configured.joined(separator: ", ")))")
        case .reportLinkWithoutWeb(let key):
            "\(key) = \"report_link\": đường dẫn báo cáo chỉ có khi bật trang làm việc [web]"
        case .emptyTemplateData: "template_data phải gán ít nhất một tham số của mẫu ZNS"
        case .reportDayChoice: "report_day trong [summary] phải là một ngày trong tháng (1–31) hoặc \"decree09\""
        case .reportWithoutRecipient: "báo cáo định kỳ chưa có người nhận"
        case .overdueListWithoutClerk: "danh sách quá hạn gửi cho cán bộ theo dõi (clerk), mà chưa khai báo clerk"
        case .secondOfficialID(let id): "có hai cán bộ hoặc đơn vị cùng mã \"\(id)\""
        case .notAnEmailAddress(let text): "\"\(text)\" không phải là địa chỉ email"
        case .notAPhoneNumber(let text):
            "\"\(text)\" không phải là số điện thoại di động Việt Nam (viết như \"0912 345 678\" hoặc \"+84 912 345 678\")"
        case .severalTopOfficials(let count, let ids):
            "\(count) cán bộ được đánh dấu top = true (\(ids.joined(separator: ", "))); chỉ Chủ tịch được đánh dấu"
        case .unreachableOfficial(let id): "cán bộ \(id) không có email và không webhook nào gửi được tới"
        case .notAListenAddress(let text): "listen phải có dạng ĐỊA_CHỈ:CỔNG, không phải \"\(text)\""
        case .notAnIPAddress(let text): "\"\(text)\" không phải là địa chỉ IP (máy chủ proxy ghi bằng địa chỉ)"
        case .notAListedPlan(let path, let listed):
            "\"\(path)\" không phải là kế hoạch nào trong `plans` (\(listed.joined(separator: ", ")))"

        case .planNeedsHeader: "tệp kế hoạch cần một bảng [plan] có id, title và year"
        case .planHasNoTasks: "kế hoạch chưa có nhiệm vụ nào ([[task]])"
        case .taskNeedsDeadline(let place):
            "\(place.vietnamese) chưa có thời hạn: due = 2024-03-31, due = \"Quý I/2024\", hoặc every = \"month\""
        case .dueAndEvery(let place): "\(place.vietnamese) có cả due và every; chỉ giữ một"
        case .dueWrongType(let place, let found):
            "due của \(place.vietnamese) phải là một ngày hoặc một cụm chữ, không phải \(found.vietnamese)"
        case .weeklyDay: "day của nhiệm vụ hằng tuần là 1 (thứ Hai) đến 7 (Chủ nhật)"
        case .untilBeforeFrom(let until, let from): "until \(until) trước from \(from)"
        case .onlyWithEvery: "day, month, from và until chỉ dùng cùng every"
        case .recurringCompletedOnce:
            "nhiệm vụ định kỳ hoàn thành theo từng kỳ: completed_occurrences = { \"2024-01-31\" = 2024-01-30 }"
        case .completedOccurrencesShape: "completed_occurrences là một bảng theo ngày đến hạn của từng kỳ"
        case .notAnOccurrence(let key, let task): "\"\(key)\" không phải là một kỳ của nhiệm vụ \(task)"
        case .completionNotADate(let key): "ngày hoàn thành của kỳ \(key) phải là một ngày"
        case .secondTaskID(let id): "có hai nhiệm vụ cùng mã \"\(id)\""

        case .noTaskRows: "không có dòng nhiệm vụ nào dưới dòng tiêu đề"
        case .rowWithoutTask(let text): "dòng có chữ nhưng không có nhiệm vụ (\(text))"
        case .rowWithoutTitle: "dòng chưa có nội dung nhiệm vụ (Nội dung)"
        case .taskWithoutResponsible(let id): "nhiệm vụ \(id) chưa ghi đơn vị, cá nhân chủ trì (Chủ trì)"
        case .taskWithoutDeadline(let id): "nhiệm vụ \(id) chưa có thời hạn"
        case .recurringCompletedCell(let id):
            "nhiệm vụ \(id) là nhiệm vụ định kỳ: ghi ngày hoàn thành của từng kỳ vào trang hoàn thành "
                + "(Mã, Kỳ, Ngày hoàn thành)"
        case .notACarryOverYear(let text): "\"\(text)\" không phải là năm chuyển tiếp"
        case .notAReportPeriod(let text): "\"\(text)\" không phải là kỳ báo cáo"
        case .cellNotADeadline(let text): "không đọc được \(text) như một thời hạn"
        case .cellNotADate(let text): "\"\(text)\" không phải là một ngày"
        case .notAFocusMark(let text): "\"\(text)\" không phải là có hoặc không cho cột Trọng tâm"
        case .completionWithoutTask: "dòng hoàn thành chưa ghi mã nhiệm vụ (Mã)"
        case .completionWithoutDate(let task): "dòng hoàn thành của nhiệm vụ \(task) chưa có ngày"
        case .completionOfUnknownTask(let task): "dòng hoàn thành ghi nhiệm vụ \"\(task)\", bảng không có nhiệm vụ này"
        case .noSuchOccurrence(let task, let occurrence?): "nhiệm vụ \(task) không có kỳ \(occurrence)"
        case .noSuchOccurrence(let task, nil): "nhiệm vụ \(task) định kỳ: dòng hoàn thành chưa ghi kỳ (Kỳ)"
        case .noSuchSheet(let file, let sheet): "\(file) không có trang \"\(sheet)\""
        case .emptySheet: "trang tính trống"
        case .noHeaderRow: "không có dòng tiêu đề ghi nội dung nhiệm vụ cùng thời hạn hoặc đơn vị chủ trì"
        case .emptySpreadsheet: "bảng tính trống"
        case .outsideBodyWithoutClerk(let name):
            "cơ quan \"\(name)\" chưa có trong cấu hình: nhắc việc của cơ quan này gửi tới cán bộ theo dõi (clerk), "
                + "nhưng cấu hình chưa ghi clerk"
        case .noTaskSheet: "không trang nào có tiêu đề của bảng phân công nhiệm vụ"
        case .headersSeen(let seen):
            "các cột đã thấy: "
                + seen.map { "\($0.column) \"\($0.header)\" → \($0.role.map(Self.roleName) ?? "không dùng")" }
                .joined(separator: "; ")
        case .deadlineOutsidePlanYear(let phrase, let year):
            "thời hạn \"\(phrase)\" không thuộc năm \(year) của kế hoạch; vẫn được nhận, hãy xem lại"
        case .noPlanYear(let file): "không biết kế hoạch \(file) là của năm nào: không thời hạn nào ghi năm"

        case .scheduleYearRange: "năm phải từ 1900 đến 2100"
        case .tetBreakLength: "kỳ nghỉ Tết phải dài 1–15 ngày"
        case .dateNotInYear(let date, let year): "\(date) không thuộc năm \(year)"
        case .scheduleNeeds(let key, let expected): "\(key) phải là \(expected.vietnamese)"
        case .scheduleUnknownKey(let key, let known):
            "khóa \"\(key)\" không có (các khóa: \(known.joined(separator: ", ")))"

        case .didYouMean(let text): "có phải là \"\(text)\"?"
        case .knownKeys(let keys): "các khóa có: \(keys.joined(separator: ", "))"
        case .write(let examples): "viết \(Self.list(examples.map { "\"\($0)\"" }, or: "hoặc"))"
        case .example(let line): "ví dụ: \(line)"
        case .forVietnam: "ở Việt Nam viết \"Asia/Ho_Chi_Minh\""
        case .theFirstIs(let place): "lần đầu ở \(place)"
        case .theFirstIsOnRow(let row): "lần đầu ở dòng \(row)"
        case .atColumn(let column): "cột \(column)"
        case .near(let text): "gần \"\(text)\""
        case .saveAsUTF8: "lưu lại với bảng mã UTF-8"
        case .saveAsXLSX: "lưu lại dạng .xlsx (Excel 2007 trở lên) hoặc .csv"
        case .planFileKinds: "kế hoạch là tệp .toml, .xlsx hoặc .csv"
        case .giveAContact: "ghi email cho cán bộ, hoặc mã telegram cùng một webhook telegram"
        case .fillInTheTitle: "điền Nội dung, hoặc xóa dòng"
        case .writeOngoing: "viết \"Thường xuyên\" cho nhiệm vụ không có thời hạn"
        case .writeResponsible: "ghi tên cán bộ hoặc đơn vị chủ trì, như trong danh bạ"
        case .reportPeriods: "tháng, quý, 6 tháng hoặc năm"
        case .formatAsDate: "định dạng ô là ngày, hoặc viết thời hạn dạng chữ"
        case .writeADate: "viết dd/mm/yyyy hoặc định dạng ô là ngày"
        case .focusMark: "ghi x cho nhiệm vụ trọng tâm, hoặc để trống"
        case .occurrencesFallOn(let dates): "các kỳ rơi vào \(dates.joined(separator: ", "))…"
        case .occurrenceIsTheDeadline(let dates): "Kỳ là ngày đến hạn của kỳ đó: \(dates.joined(separator: ", "))…"
        case .sheetsAre(let names): "các trang có: \(Self.quoted(names))"
        case .headersExpected:
            "cần tiêu đề như \"Nội dung\", \"Chủ trì\", \"Thời gian hoàn thành\", hoặc khai báo columns trong cấu hình"
        case .writeTheYear: "ghi năm bên cạnh đường dẫn: { path = \"…\", year = 2024 }"
        case .writeColumns(let entries):
            "cần cột nhiệm vụ, thời hạn hoặc chủ trì: khai báo columns = { \(entries.joined(separator: ", ")) } trong cấu hình, "
                + "hoặc nhacviec import --columns \(entries.map { $0.replacing(" = ", with: "=") }.joined(separator: " --columns "))"

        case .verbatim(let text): text
        }
    }
}

extension Message {
    /// A column's role in the clerk's words.
    static func roleName(_ role: String) -> String {
        let names = [
            "id": "mã", "stt": "STT", "title": "nhiệm vụ", "lead": "lãnh đạo chỉ đạo", "responsible": "chủ trì",
            "coordinating": "phối hợp", "deadline": "thời hạn", "completed": "ngày hoàn thành", "focus": "trọng tâm",
            "note": "ghi chú", "document": "văn bản giao", "target": "chỉ tiêu", "carried_over_from": "chuyển tiếp",
            "report": "kỳ báo cáo", "occurrence": "kỳ", "product": "sản phẩm (không dùng)",
        ]
        return names[role] ?? role
    }
}

extension TablePlace {
    var vietnamese: String {
        switch self {
        case .topLevel: "phần đầu tệp (ngoài mọi bảng)"
        case .plansEntry: "một mục của plans"
        case .table(let written): written
        case .task(let id): "nhiệm vụ \(id)"
        case .official(let id): "cán bộ \(id)"
        case .unit(let name): "đơn vị \"\(name)\""
        }
    }
}

extension FileReason {
    var vietnamese: String {
        switch self {
        case .missing: "không có tệp này"
        case .folder: "đây là một thư mục"
        case .permissions: "không có quyền đọc"
        }
    }
}

extension ValueKind {
    var vietnamese: String {
        switch self {
        case .string: "chuỗi chữ"
        case .integer: "số nguyên"
        case .float: "số thập phân"
        case .boolean: "giá trị đúng/sai"
        case .date: "ngày"
        case .time: "giờ"
        case .dateTime: "ngày giờ"
        case .array: "mảng"
        case .table: "bảng"
        }
    }
}

extension Expected {
    var vietnamese: String {
        switch self {
        case .string: "chuỗi chữ (trong ngoặc kép)"
        case .integer: "số nguyên"
        case .boolean: "true hoặc false"
        case .date: "một ngày (viết không ngoặc kép, 2024-03-31)"
        case .table: "bảng"
        case .tables: "mảng các bảng"
        case .strings: "mảng các chuỗi chữ"
        case .stringOrStrings: "chuỗi chữ hoặc mảng các chuỗi chữ"
        case .integers: "mảng các số nguyên"
        }
    }
}

extension TOMLProblem {
    var vietnamese: String {
        switch self {
        case .headerNotClosed(let array, let found):
            "thiếu \"]\(array ? "]" : "")\" để đóng tên bảng, gặp \(found.vietnamese)"
        case .arrayHeaderOnValue(let key): "[[\(key)]] trùng tên một khóa đã khai báo kiểu khác"
        case .tableDefinedTwice(let key): "bảng [\(key)] được khai báo hai lần"
        case .keyDefinedTwice(let key): "khóa \"\(key)\" được khai báo hai lần"
        case .equalsAfterKey(let key, let found): "thiếu \"=\" sau khóa \"\(key)\", gặp \(found.vietnamese)"
        case .multilineKey: "khóa không được là chuỗi nhiều dòng"
        case .expectedKey: "cần một khóa (chữ, số, _ và -, hoặc chuỗi trong ngoặc kép)"
        case .controlInComment: "ký tự điều khiển trong chú thích"
        case .expectedEndOfLine(let found): "cần kết thúc dòng, gặp \(found.vietnamese)"
        case .missingValue: "thiếu giá trị sau \"=\""
        case .expectedInArray(let found): "cần \",\" hoặc \"]\" trong mảng, gặp \(found.vietnamese)"
        case .expectedInInlineTable(let found): "cần \",\" hoặc \"}\" trong bảng viết gọn, gặp \(found.vietnamese)"
        case .expectedValue(let found):
            "cần một giá trị (chuỗi trong ngoặc kép, số, ngày, true hoặc false), gặp \(found.vietnamese)"
        case .unquotedValue(let token):
            "không đọc được \(token) như một giá trị (chữ phải đặt trong ngoặc kép: \"\(token)\")"
        case .stringNotClosed(let kind):
            "\(kind.isMultiline ? "chuỗi nhiều dòng" : "chuỗi") chưa được đóng bằng \(kind.delimiter)"
        case .stringNotClosedOnLine: "chuỗi chưa được đóng trước khi hết dòng"
        case .controlInString(true): "ký tự điều khiển trong chuỗi; hãy viết bằng mã thoát (escape)"
        case .controlInString(false): "ký tự điều khiển trong chuỗi"
        case .escapeAtEnd: "chuỗi kết thúc giữa một mã thoát"
        case .escapeNeedsHexDigits(let escape, let count): "\\\(escape) cần \(count) chữ số hệ 16 của một ký tự Unicode"
        case .unknownEscape(let escape): "mã thoát \\\(escape) không hợp lệ trong chuỗi"
        case .alreadyAValue(let key, let kind, let line):
            "\"\(key)\" đã là \(kind.vietnamese) (dòng \(line)), không phải bảng"
        case .tableAlreadyDefined(let key, let line):
            "bảng \"\(key)\" đã được khai báo (dòng \(line)); hãy bổ sung tại đó"
        case .arrayOfTablesNotTable(let key): "\"\(key)\" là mảng các bảng, không phải một bảng"
        case .tooDeep(let limit): "mảng, bảng viết gọn và khóa có dấu chấm lồng nhau quá \(limit) tầng tại đây"
        }
    }
}

extension TOMLProblem.Found {
    var vietnamese: String {
        switch self {
        case .endOfFile: "hết tệp"
        case .endOfLine: "hết dòng"
        case .text(let text): "\"\(text)\""
        }
    }
}

extension DeadlinePhraseError {
    var vietnamese: String {
        switch self {
        case .empty: "thời hạn để trống (viết \"Thường xuyên\" cho nhiệm vụ không có thời hạn)"
        case .unreadable(let phrase, let suggestion?, _):
            "không đọc được thời hạn \"\(phrase)\" (có phải là \"\(suggestion)\"?)"
        case .unreadable(let phrase, nil, let examples):
            "không đọc được thời hạn \"\(phrase)\" (viết chẳng hạn \(Message.quoted(examples)))"
        case .inPhrase(let phrase, let error): "thời hạn \"\(phrase)\": \(error.vietnamese)"
        case .noSuchQuarter(let quarter): "không có quý \(quarter) (quý từ I đến IV)"
        case .noSuchMonth(let month): "không có tháng \(month)"
        case .noSuchDayOfMonth(let day): "không có ngày \(day) trong tháng"
        case .noSuchDate(let date): "không có ngày \(date) trên lịch"
        case .unsupportedYear(let year, let lower, let upper): "năm \(year) nằm ngoài khoảng \(lower)–\(upper)"
        }
    }
}

extension NameError {
    var vietnamese: String {
        switch self {
        case .empty: "một tên để trống"
        case .unknown(let name, let suggestion?):
            "không có cán bộ hay đơn vị \"\(name)\" (có phải là \"\(suggestion)\"?)"
        case .unknown(let name, nil):
            "không có cán bộ hay đơn vị \"\(name)\" (khai báo trong [[official]] hoặc [[unit]] của cấu hình, "
                + "hoặc thêm làm tên gọi khác)"
        case .ambiguous(let name, let candidates):
            "\"\(name)\" có thể là \(Message.list(candidates.map { "\"\($0)\"" }, or: "hoặc")) "
                + "(viết đủ họ tên hoặc tên gọi khác)"
        case .notAnOfficial(let name, let unit):
            "\"\(name)\" là đơn vị \"\(unit)\"; lãnh đạo chỉ đạo phải là một người"
        }
    }
}

extension DateInputError {
    var vietnamese: String {
        switch self {
        case .notADate(let text):
            "\"\(text)\" không phải là một ngày (viết YYYY-MM-DD hoặc DD/MM/YYYY, ví dụ 2024-02-10 hoặc 10/02/2024)"
        case .noSuchDay(let text, let month, let year, let days?):
            "không có ngày \"\(text)\": tháng \(month)/\(year) có \(days) ngày"
        case .noSuchDay(let text, let month, _, nil): "không có ngày \"\(text)\": không có tháng \(month)"
        }
    }
}

extension SpreadsheetError {
    var vietnamese: String {
        switch self {
        case .notASpreadsheet(let reason):
            "không phải sổ tính .xlsx (\(reason)); hãy lưu lại từ Excel hoặc LibreOffice dạng .xlsx"
        case .tooLarge(let reason): "sổ tính bung ra quá lớn (\(reason)); có đúng là bảng phân công không?"
        case .malformed(let reason): "XML của sổ tính bị hỏng: \(reason)"
        case .missingPart(let part): "sổ tính thiếu phần \(part); hãy lưu lại từ Excel hoặc LibreOffice"
        case .unclosedQuote(let row): "một ô mở ngoặc kép ở dòng \(row) mà không đóng"
        }
    }
}
