/// The words of the web workspace's pages, by the name the page templates give them (`{{w.signIn}}`),
/// in each language: beside the commands' and the mails' words, so that the pages say things as they do.
public enum WebWords {
    public static func words(_ language: Language) -> [String: String] {
        switch language {
        case .vi: vietnamese
        case .en: english
        }
    }

    static let vietnamese: [String: String] = [
        "app": "Nhắc việc",
        "signIn": "Đăng nhập",
        "signOut": "Đăng xuất",
        "signInHelp":
            "Nhập địa chỉ email công vụ của đồng chí; hệ thống gửi một đường dẫn đăng nhập dùng một lần, có hiệu lực 15 phút.",
        "email": "Email",
        "sendLink": "Gửi đường dẫn đăng nhập",
        "linkSent":
            "Nếu địa chỉ này có trong danh bạ của văn phòng, một đường dẫn đăng nhập vừa được gửi tới. Đường dẫn dùng được một lần, trong 15 phút.",
        "linkRefused":
            "Đường dẫn đăng nhập này không dùng được: đã hết hạn, đã dùng rồi, hoặc không đúng. Hãy xin một đường dẫn mới.",
        "tooMany": "Đã có quá nhiều yêu cầu đăng nhập từ địa chỉ này trong một giờ qua. Hãy thử lại sau.",
        "forbidden": "Đồng chí không có quyền xem hoặc làm việc này.",
        "notFound": "Không có trang này.",
        "badForm": "Biểu mẫu đã hết hiệu lực hoặc không đúng. Hãy tải lại trang và thử lại.",
        "overview": "Tổng quan",
        "signedInAs": "Đang đăng nhập",
        "today": "Hôm nay",
        "counts": "Nhiệm vụ theo tình trạng",
        "doneOnTime": "Hoàn thành đúng hạn",
        "doneLate": "Hoàn thành quá hạn",
        "overdue": "Chưa hoàn thành, quá hạn",
        "inProgress": "Chưa đến hạn (trong hạn)",
        "ongoing": "Thường xuyên",
        "overdueTasks": "Nhiệm vụ quá hạn",
        "noOverdue": "Không có nhiệm vụ nào quá hạn.",
        "task": "Nhiệm vụ",
        "deadline": "Thời hạn",
        "late": "Quá hạn",
        "workingDays": "ngày làm việc",
        "responsible": "Chủ trì",
        "nextSend": "Lần gửi tới",
        "nothingToSend": "Không có gì để gửi.",
        "recipient": "Người nhận",
        "items": "Số việc",
        "failures": "Gửi hỏng",
        "noFailures": "Không có thư nào gửi hỏng.",
        "lastReload": "Lần nạp cấu hình gần nhất",
        "rejected": "Cấu hình hoặc kế hoạch trên đĩa có lỗi; hệ thống vẫn chạy theo bản đã chấp nhận",
        "accepted": "được nhận",
        "refused": "bị từ chối",
        "linkSubject": "[Nhắc việc] Đường dẫn đăng nhập",
        "linkMail":
            "Đồng chí (hoặc ai đó nhập địa chỉ của đồng chí) vừa xin đăng nhập vào trang Nhắc việc. Bấm vào đường dẫn dưới đây trong 15 phút; đường dẫn dùng được một lần. Nếu đồng chí không xin, hãy bỏ qua thư này.",
    ]

    static let english: [String: String] = [
        "app": "Reminders",
        "signIn": "Sign in",
        "signOut": "Sign out",
        "signInHelp": "Type your work email address; a one-time sign-in link, valid for 15 minutes, is sent to it.",
        "email": "Email",
        "sendLink": "Send the sign-in link",
        "linkSent":
            "If this address is in the office's directory, a sign-in link has just been sent to it. The link works once, for 15 minutes.",
        "linkRefused":
            "This sign-in link cannot be used: it has expired, was used already, or is not right. Ask for a new one.",
        "tooMany": "Too many sign-in requests from this address in the last hour. Try again later.",
        "forbidden": "You may not see or do this.",
        "notFound": "There is no such page.",
        "badForm": "The form has expired or is not right. Reload the page and try again.",
        "overview": "Overview",
        "signedInAs": "Signed in",
        "today": "Today",
        "counts": "Tasks by status",
        "doneOnTime": "Done on time",
        "doneLate": "Done late",
        "overdue": "Not done, overdue",
        "inProgress": "Not yet due",
        "ongoing": "Ongoing",
        "overdueTasks": "Overdue tasks",
        "noOverdue": "No task is overdue.",
        "task": "Task",
        "deadline": "Deadline",
        "late": "Late",
        "workingDays": "working days",
        "responsible": "Responsible",
        "nextSend": "Next send",
        "nothingToSend": "Nothing to send.",
        "recipient": "Recipient",
        "items": "Items",
        "failures": "Failed deliveries",
        "noFailures": "No delivery failed.",
        "lastReload": "Last config reload",
        "rejected": "The config or plans on disk have errors; the service runs on the version it accepted",
        "accepted": "accepted",
        "refused": "refused",
        "linkSubject": "[Reminders] Your sign-in link",
        "linkMail":
            "You (or someone who typed your address) asked to sign in to the reminders workspace. Follow the link below within 15 minutes; it works once. If you did not ask, ignore this mail.",
    ]
}
