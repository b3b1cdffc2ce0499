extension MailText {
    var vietnamese: String {
        switch self {
        case .onDay: "ngày"
        case .administrator: "Quản trị viên"
        case .deadline: "Hạn"

        case .failureSubject(let digest): "[Nhắc việc] Không gửi được nhắc việc \(digest)"
        case .failure(let digest, let destination, let reason):
            "Hệ thống nhắc việc không gửi được thông báo \(digest) tới \(destination).\nLý do: \(reason)\n\nĐề nghị kiểm tra địa chỉ, báo trực tiếp cho người nhận, và xem `nhacviec status`."
        case .clockSubject: "[Nhắc việc] Đồng hồ máy chủ bị sai, đã chỉnh lại"
        case .clock(let ahead, let now, let givenBack):
            """
            Đồng hồ của máy chủ nhắc việc đã chạy trước (tới \(ahead)) rồi được chỉnh lại về \(now). \
            \(givenBack) thông báo đã ghi cho khoảng thời gian đó mà chưa gửi được trả lại kế hoạch: \
            chúng sẽ được gửi khi đến giờ. Thông báo đã gửi không gửi lại.

            Đề nghị báo quản trị viên kiểm tra đồng hồ máy chủ (timedatectl) và xem `nhacviec status`.
            """
        case .testSubject: "[Nhắc việc] Thư thử nghiệm"
        case .test: "Đây là thư thử nghiệm của hệ thống nhắc việc. Nếu nhận được thư này, cấu hình gửi thư đã đúng."
        case .rejectedSubject(let errors): "[Nhắc việc] Kế hoạch hoặc cấu hình vừa sửa có \(errors) lỗi: chưa áp dụng"
        case .rejected(let errors, let since):
            """
            Bản cấu hình hoặc kế hoạch vừa sửa có \(errors.count) lỗi nên chưa được áp dụng. Hệ thống vẫn \
            nhắc việc theo bản đã chấp nhận trước đó\(since.map { " (chấp nhận lúc \($0))" } ?? "").

            Các lỗi (tệp:dòng, hoặc tệp!trang:dòng:cột):
            \(errors.map { "- \($0)" }.joined(separator: "\n"))

            Đề nghị sửa các lỗi trên rồi lưu lại tệp: hệ thống tự nạp lại. Có thể kiểm tra trước bằng lệnh \
            `nhacviec check`; lệnh `nhacviec status` cho biết bản nào đang được dùng.
            """
        case .zaloRefreshSubject(let webhook): "[Nhắc việc] Zalo \(webhook): refresh token sắp hết hạn"
        case .zaloRefresh(let webhook, let when):
            """
            Refresh token của Official Account dùng cho \(webhook) sẽ hết hạn lúc \(when) nếu không được dùng. \
            Một lần gửi tới nhóm trước lúc đó sẽ gia hạn nó; sau lúc đó, quản trị viên phải ủy quyền lại cho OA \
            (nhacviec zalo-token \(webhook) --refresh-token TỆP).

            Đề nghị báo quản trị viên và xem `nhacviec status`.
            """
        case .zaloQuotaSubject(let webhook): "[Nhắc việc] Zalo \(webhook): đã hết hạn mức ZNS hôm nay"
        case .zaloQuota(let webhook, let waiting, let when):
            """
            Zalo cho biết hạn mức tin ZNS hôm nay của Official Account dùng cho \(webhook) đã hết. \
            \(waiting) tin nhắc việc chưa gửi được vẫn nằm trong hàng đợi, không mất; chúng sẽ được gửi lúc \(when).

            Các cán bộ có email vẫn nhận nhắc việc qua email như thường. Nếu hạn mức thường xuyên không đủ, \
            đề nghị báo quản trị viên xin Zalo nâng hạn mức của OA. Xem `nhacviec status`.
            """

        case .overdueCount(let count): "\(count) quá hạn"
        case .dueTodayCount(let count): "\(count) đến hạn hôm nay"
        case .dueSoonCount(let count): "\(count) sắp đến hạn"
        case .daysOverdue(let days, let working): "quá hạn \(days) \(working ? "ngày làm việc" : "ngày")"
        case .dueToday: "đến hạn hôm nay"
        case .daysLeft(let days, let working): "còn \(days) \(working ? "ngày làm việc" : "ngày")"
        case .periodsLate(let count, let periods): "\(count) kỳ quá hạn: \(periods.joined(separator: ", "))"

        case .week(let week): "tuần \(week)"
        case .month(let month, let year): "tháng \(month)/\(year)"
        case .quarter(let roman, let year): "quý \(roman)/\(year)"
        case .half(let first, let year): "6 tháng \(first ? "đầu" : "cuối") năm \(year)"
        case .year(let year): "năm \(year)"
        }
    }
}
