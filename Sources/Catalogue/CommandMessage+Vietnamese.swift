extension CommandMessage {
    /// The Vietnamese text: what the clerk reads unless the config says `language = "en"`.
    var vietnamese: String {
        switch self {
        case .checked(let file, let plans, let tasks, let deadlines, let officials, let units):
            "\(file): hợp lệ: \(plans) kế hoạch, \(tasks) nhiệm vụ (\(deadlines) thời hạn), \(officials) cán bộ, "
                + "\(units) đơn vị"
        case .calendarNotAnnounced(let year):
            "lịch nghỉ năm \(year) của Chính phủ chưa được công bố (hoặc phiên bản này chưa biết): Tết và ngày "
                + "nghỉ liền 2/9 tạm tính theo quy tắc; khi có thông báo, thêm tệp calendar/\(year).toml bên cạnh "
                + "tệp cấu hình (docs/calendar.md)"
        case .secretAt(let purpose, let name, let path): "\(purpose) \"\(name)\": \(path)"
        case .secretNotFound(let purpose, let name, let places, let credential):
            "\(purpose) \"\(name)\": không thấy tệp ở \(places.joined(separator: " hay ")); khi chạy dưới systemd "
                + "dịch vụ đọc \(credential), do tệp unit nạp từ thư mục credentials bên cạnh tệp cấu hình"
        case .secretsUnusable(let count): "\(count) tệp bí mật chưa dùng được như hiện có"

        case .secretMissing(let purpose, let name, let places):
            "\(purpose): không thấy tệp \"\(name)\" ở \(places.joined(separator: " hay "))"
        case .secretUnreadable(let purpose, let path): "\(purpose): không đọc được \(path)"
        case .secretEmpty(let purpose, let path): "\(purpose): tệp \(path) trống"
        case .secretNotSigningSecret(let purpose):
            "\(purpose): khóa ký webhook phải là \"whsec_\" theo sau là chuỗi base64"
        case .secretReadableByAll(let purpose, let path):
            "\(path) (\(purpose)) mọi người dùng trên máy đều đọc được; hãy chmod 600, hoặc dùng LoadCredential"

        case .importReads(let file):
            "\(file): lệnh import đọc tệp .xlsx hoặc .csv (tệp .xls hay .ods hãy lưu lại dạng .xlsx trước)"
        case .nothingRead(let file): "\(file): không đọc được gì"
        case .imported(let file, let tasks, let problems, let namesChecked):
            "\(file): đọc được \(tasks) nhiệm vụ, \(problems) lỗi"
                + (namesChecked ? "" : "; chưa đối chiếu tên cán bộ (không có tệp cấu hình)")
        case .importCounts(let read, let kept, let unscheduled, let refused):
            "\(read) dòng nhiệm vụ" + (kept.map { ", giữ \($0) dòng có tên đơn vị" } ?? "")
                + ", \(unscheduled) nhiệm vụ chưa có thời hạn cụ thể, \(refused) dòng có lỗi"
        case .importUnusedColumns(let headers):
            "cột không dùng: " + headers.map { "\"\($0)\"" }.joined(separator: ", ")
        case .importRolesByContent(let pairs):
            "cột nhận theo nội dung các ô (tiêu đề chưa rõ): " + pairs.joined(separator: "; ")
        case .importFilled(let cells, let numbered):
            (cells > 0 ? "\(cells) ô trống lấy giá trị của dòng trên (ô gộp)" : "")
                + (cells > 0 && !numbered.isEmpty ? "; " : "")
                + (numbered.isEmpty
                    ? ""
                    : "\(numbered.count) dòng không có số thứ tự được đánh số tiếp (dòng "
                        + numbered.map(String.init).joined(separator: ", ") + ")")
        case .withoutFixedDeadline(let tasks):
            "\(tasks.count) nhiệm vụ chưa có thời hạn cụ thể (không nhắc theo ngày): " + tasks.joined(separator: ", ")
        case .importOutsideBodies(let names):
            "\(names.count) cơ quan chưa có trong cấu hình, ghi vào kế hoạch dưới dạng [[unit]] (nhắc việc gửi cán bộ theo dõi): "
                + names.joined(separator: "; ")

        case .noSuchTask(let id, let suggestion):
            "không có nhiệm vụ mã \"\(id)\"" + (suggestion.map { " (có phải là \"\($0)\"?)" } ?? "")
        case .recursWhichOccurrence(let task, let open):
            "nhiệm vụ \(task) lặp lại: hãy chỉ rõ kỳ nào bằng --occurrence (các kỳ chưa xong: "
                + "\(open.joined(separator: ", "))…)"
        case .noSuchOccurrence(let task, let date, let occurrences):
            "nhiệm vụ \(task) không có kỳ hạn \(date)"
                + (occurrences.isEmpty ? "" : " (các kỳ hạn của nó: \(occurrences.joined(separator: ", "))…)")
        case .doneInTheFuture(let day, let today): "--on \(day) là ngày trong tương lai (hôm nay là \(today))"
        case .doneBeforePlanYear(let day, let year): "--on \(day) ở trước năm kế hoạch \(year)"
        case .doneAfterPlanYear(let day, let year):
            "\(day) ở sau năm kế hoạch \(year): đã ghi nhận là hoàn thành quá hạn; nếu thực ra xong trong năm "
                + "\(year), hãy kiểm tra lại ngày"
        case .alreadyDone(let label, let day): "\(label): đã ghi nhận hoàn thành ngày \(day) từ trước"
        case .done(let label, let day, let deadline, let late, let replaced):
            "\(label): hoàn thành ngày \(day)"
                + (deadline.map { late ? " (quá hạn: thời hạn là \($0))" : " (đúng hạn)" } ?? "")
                + (replaced.map { "; thay cho ngày hoàn thành đã ghi trước đó là \($0)" } ?? "")
        case .nothingToReopen(let label): "\(label) chưa hoàn thành: không có gì để mở lại"
        case .reopened(let label, let was): "\(label): đã mở lại (trước đó ghi hoàn thành ngày \(was))"
        case .cannotRecord(let reason): "không ghi nhận được: \(reason)"

        case .webOff: "trang làm việc trên trình duyệt đang tắt: cấu hình chưa có [web] listen (docs/web.md)"
        case .linkIssued(let official, let minutes):
            "đường dẫn đăng nhập cho \(official), dùng một lần trong \(minutes) phút; chỉ trao cho chính người đó"
        case .sessionsRevoked(let official, let count): "\(official): đã đăng xuất \(count) phiên"
        case .notAPeriod(let text):
            "--period \"\(text)\" không phải là một kỳ (viết 2024-Q1, 2024-03, 2024-H1 hoặc 2024)"
        case .cannotWriteWorkbook(let reason): "không ghi được sổ tính: \(reason)"
        case .planFileKind(let name): "\(name) không phải là kế hoạch: hãy gửi tệp .xlsx, .csv hoặc .toml"
        case .planNotAWorkbook(let name):
            "\(name) mang tên .xlsx nhưng không phải sổ tính Excel; hãy mở bằng Excel rồi lưu lại dạng .xlsx"
        case .planTooLarge(let name, let megabytes):
            "\(name) lớn hơn \(megabytes) MB, mức tối đa của một kế hoạch; hãy lưu riêng bảng (không kèm hình ảnh)"
        case .planNotReplaceable(let name):
            "không được thay \(name) từ trình duyệt ([web] replaceable_plans, docs/web.md)"
        case .planChangedMeanwhile(let user, let at):
            "\(user) đã thay kế hoạch này lúc \(at), sau khi trang này được mở; hãy xem lại kế hoạch trước khi áp dụng"
        case .noSuchPlanVersion: "không có phiên bản này của kế hoạch"
        case .noZaloWebhook(let name, let configured):
            "không có webhook Zalo nào tên \"\(name)\" (đã cấu hình: \(configured.isEmpty ? "không có" : configured.joined(separator: ", ")))"
        case .zaloAuthorized(let webhook):
            "đã lưu refresh token của \(webhook) vào trạng thái; lần gửi tới sẽ dùng nó để lấy cặp token đầu tiên"

        case .notAYear(let text): "\"\(text)\" không phải là một năm (viết đủ bốn chữ số, ví dụ 2024)"
        case .yearOutOfRange(let year, let lower, let upper): "năm \(year) nằm ngoài khoảng hỗ trợ \(lower)–\(upper)"
        case .notALunarDate(let text):
            "\"\(text)\" không phải là ngày âm lịch (viết N/T/NNNN, ví dụ 10/3/2024 cho Giỗ Tổ)"
        case .lunarDate(let text, let leap, let problem):
            "ngày âm lịch \"\(text)\"\(leap ? " (tháng nhuận)" : ""): \(problem.vietnamese)"
        case .solarDate(let text, let problem): "\"\(text)\": \(problem.vietnamese)"
        case .option(let option, let error): "\(option): \(Message.date(error).text(.vi))"
        case .optionName(let option, let error): "\(option): \(Message.name(error).text(.vi))"
        case .cannotWrite(let path, let reason): "không ghi được \(path): \(reason)"
        case .state(let directory, let message): "dữ liệu trạng thái ở \(directory): \(message.vietnamese)"
        case .noStateYet(let file):
            "chưa có \(file): dịch vụ chưa chạy lần nào với cấu hình này (systemctl status nhacviec), hoặc dữ liệu "
                + "trạng thái ở chỗ khác (state_dir)"
        case .stateDeleted(let file):
            "không thấy \(file), dù dữ liệu này đã từng phục vụ (có thư mục accepted/): cơ sở dữ liệu đã bị xóa "
                + "hoặc chuyển đi, và tạo mới sẽ mất hết lịch sử gửi thư và hoàn thành. Hãy khôi phục bản sao lưu "
                + "gần nhất (docs/service.md, \"Backups and restore\"), hoặc xóa accepted/ để bắt đầu lại từ đầu"
        case .openedWithoutState: "chưa mở dữ liệu trạng thái"
        case .cannotReadCompletions(let reason): "không đọc được các ghi nhận hoàn thành: \(reason)"
        case .cannotActAsOwner(let uid, let reason): "không chuyển được sang người dùng sở hữu (uid \(uid)): \(reason)"
        case .lunar(let problem): problem.vietnamese
        case .warning(let message): "cảnh báo: \(message.vietnamese)"
        case .verbatim(let text): text
        case .status(let line): line.vietnamese
        case .serviceStarted(let tasks): "khởi động: \(tasks) nhiệm vụ"
        case .reloaded(let tasks): "nạp lại: \(tasks) nhiệm vụ"
        }
    }
}

extension LunarProblem {
    var vietnamese: String {
        switch self {
        case .outOfRange(let lower, let upper): "ngày nằm ngoài khoảng năm hỗ trợ \(lower)–\(upper)"
        case .noLeapMonth(let year, let month, let leap?):
            "năm âm lịch \(year) không có tháng \(month) nhuận; tháng nhuận năm đó là tháng \(leap)"
        case .noLeapMonth(let year, _, nil): "năm âm lịch \(year) không có tháng nhuận"
        case .noSuchDay(let day, let month, let year, let leap, let length?):
            "tháng \(month)\(leap ? " nhuận" : "") năm \(year) âm lịch có \(length) ngày, không có ngày \(day)"
        case .noSuchDay(let day, let month, _, _, nil):
            "\(day)/\(month) không phải là ngày âm lịch (ngày từ 1 đến 30, tháng từ 1 đến 12)"
        }
    }
}

extension StatusLine {
    var vietnamese: String {
        switch self {
        case .nextSend(let time): "Lần gửi tới:          \(time ?? "chưa biết (dịch vụ có đang chạy không?)")"
        case .queued(let count): "Đang chờ gửi:         \(count)"
        case .delivered(let count): "Đã gửi:               \(count)"
        case .failed(let count): "Gửi hỏng:             \(count)"
        case .missed(let count): "Bỏ lỡ:                \(count)"
        case .lastDelivery(let at, let digest, let destination, let answer):
            "Lần gửi gần nhất:     \(at) \(digest) → \(destination): \(answer)"
        case .noDelivery: "Lần gửi gần nhất:     chưa có"
        case .lastReload(let at, let ok, let message):
            "Lần nạp lại gần nhất: \(at) \(ok ? "được nhận" : "BỊ TỪ CHỐI"): \(message)"
        case .noReload: "Lần nạp lại gần nhất: chưa có"
        case .lastRound(let at, let seconds): "Vòng chạy gần nhất:   \(at) (\(seconds) giây trước)"
        case .noRound: "Vòng chạy gần nhất:   chưa có"
        case .roundsStopped(let minutes, let waiting):
            "CẢNH BÁO:             đã \(minutes) phút không có vòng chạy nào trong khi \(waiting) thông báo đang chờ: "
                + "dịch vụ đã dừng, bị treo, hoặc không ghi được cơ sở dữ liệu (đầy đĩa?); xem journalctl -u nhacviec"
        case .diskFull(let directory, let kibibytes):
            "CẢNH BÁO:             đĩa chứa \(directory) chỉ còn \(kibibytes) KiB: dịch vụ không ghi được cơ sở dữ "
                + "liệu (việc gửi thư và hoàn thành không được ghi lại); hãy giải phóng dung lượng"
        case .batchHangs(let since, let minutes):
            "CẢNH BÁO:             một lượt gửi đã chạy từ \(since) (\(minutes) phút): bị treo"
        case .retrying: "Đang thử gửi lại:"
        case .retry(let digest, let destination, let attempts, let next, let answer):
            "  \(digest) → \(destination): đã thử \(attempts) lần, lần tới lúc \(next): \(answer)"
        case .scheduleRejected(let errors, let since):
            "Kế hoạch:             BỊ TỪ CHỐI: cấu hình hoặc kế hoạch trên đĩa có \(errors) lỗi; dịch vụ vẫn chạy "
                + "theo phiên bản được nhận lúc \(since)"
        case .clockWentBack(let from, let to, let noticed, let givenBack):
            "Đồng hồ:              BỊ LÙI từ \(from) về \(to) (phát hiện lúc \(noticed)): trước đó đồng hồ chạy "
                + "nhanh; \(givenBack) thông báo được trả lại kế hoạch"
        case .failures: "Gửi hỏng gần đây:"
        case .failure(let digest, let destination, let answer): "  \(digest) → \(destination): \(answer)"
        case .zaloTokens(let webhook, let access, let refresh):
            "Zalo \(webhook): access token \(access.map { "dùng được đến \($0)" } ?? "chưa lấy"), refresh token hết hạn nếu không dùng lúc \(refresh)"
        case .zaloRefreshSoon(let webhook, let until):
            "Zalo \(webhook): refresh token sẽ hết hạn lúc \(until) nếu không dùng; hệ thống dùng nó ở lần gửi tới, hoặc hãy ủy quyền lại cho OA (nhacviec zalo-token)"
        case .zaloAuthorizeAgain(let webhook, let reason):
            "Zalo \(webhook): cần ủy quyền lại cho OA (nhacviec zalo-token \(webhook) --refresh-token TỆP): \(reason)"
        case .zaloQuota(let webhook, let remaining, let daily, let at, let usedUp):
            usedUp
                ? "Zalo \(webhook): đã hết hạn mức ZNS hôm nay (Zalo báo lúc \(at)); các tin còn lại chờ lần gửi tới"
                : "Zalo \(webhook): hạn mức ZNS còn \(remaining)\(daily.map { "/\($0)" } ?? "") tin (Zalo báo lúc \(at))"
        }
    }
}
