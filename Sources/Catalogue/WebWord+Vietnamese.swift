extension WebWord {
    var vietnamese: String {
        switch self {
        case .app:
            "Nhắc việc"
        case .signIn:
            "Đăng nhập"
        case .signOut:
            "Đăng xuất"
        case .signInHelp:
            "Nhập địa chỉ email công vụ của đồng chí; hệ thống gửi một đường dẫn đăng nhập dùng một lần, có hiệu lực 15 phút."
        case .email:
            "Email"
        case .sendLink:
            "Gửi đường dẫn đăng nhập"
        case .linkSent:
            "Nếu địa chỉ này có trong danh bạ của văn phòng, một đường dẫn đăng nhập vừa được gửi tới. Đường dẫn dùng được một lần, trong 15 phút."
        case .linkRefused:
            "Đường dẫn đăng nhập này không dùng được: đã hết hạn, đã dùng rồi, hoặc không đúng. Hãy xin một đường dẫn mới."
        case .tooMany:
            "Đã có quá nhiều yêu cầu đăng nhập từ địa chỉ này trong một giờ qua. Hãy thử lại sau."
        case .forbidden:
            "Đồng chí không có quyền xem hoặc làm việc này."
        case .unavailable:
            "Hệ thống tạm thời không trả lời được. Xin thử lại sau ít phút; nếu vẫn vậy, xin báo quản trị viên."
        case .notFound:
            "Không có trang này."
        case .badForm:
            "Biểu mẫu đã hết hiệu lực hoặc không đúng. Hãy tải lại trang và thử lại."
        case .overview:
            "Tổng quan"
        case .signedInAs:
            "Đang đăng nhập"
        case .today:
            "Hôm nay"
        case .counts:
            "Nhiệm vụ theo tình trạng"
        case .doneOnTime:
            "Hoàn thành đúng hạn"
        case .doneLate:
            "Hoàn thành quá hạn"
        case .overdue:
            "Chưa hoàn thành, quá hạn"
        case .inProgress:
            "Chưa đến hạn (trong hạn)"
        case .ongoing:
            "Thường xuyên"
        case .noFixedDeadline:
            "Chưa có thời hạn cụ thể"
        case .overdueTasks:
            "Nhiệm vụ quá hạn"
        case .noOverdue:
            "Không có nhiệm vụ nào quá hạn."
        case .task:
            "Nhiệm vụ"
        case .deadline:
            "Thời hạn"
        case .late:
            "Quá hạn"
        case .workingDays:
            "ngày làm việc"
        case .responsible:
            "Chủ trì"
        case .nextSend:
            "Lần gửi tới"
        case .nothingToSend:
            "Không có gì để gửi."
        case .recipient:
            "Người nhận"
        case .items:
            "Số việc"
        case .failures:
            "Gửi hỏng"
        case .noFailures:
            "Không có thư nào gửi hỏng."
        case .lastReload:
            "Lần nạp cấu hình gần nhất"
        case .rejected:
            "Cấu hình hoặc kế hoạch trên đĩa có lỗi; hệ thống vẫn chạy theo bản đã chấp nhận"
        case .accepted:
            "được nhận"
        case .refused:
            "bị từ chối"
        case .reportDone:
            "Báo cáo hoàn thành"
        case .reportHelp:
            "Đồng chí báo cáo nhiệm vụ này đã hoàn thành: ghi ngày hoàn thành và, nếu cần, ghi chú (số văn bản, kết quả)."
        case .reportSent:
            "Đã gửi báo cáo. Văn phòng sẽ xác nhận; trong khi chờ, hệ thống tạm ngừng nhắc nhiệm vụ này."
        case .reportCounted:
            "Đã ghi nhận nhiệm vụ hoàn thành. Cảm ơn đồng chí."
        case .reportRefused:
            "Đường dẫn báo cáo này không dùng được: đã dùng rồi, đã hết hạn, hoặc không đúng."
        case .alreadyDone:
            "Nhiệm vụ này đã được ghi nhận hoàn thành."
        case .waiting:
            "Báo cáo hoàn thành chờ xác nhận"
        case .noWaiting:
            "Không có báo cáo nào chờ xác nhận."
        case .reportedBy:
            "Người báo cáo"
        case .confirm:
            "Xác nhận"
        case .sendBack:
            "Trả lại"
        case .reasonNeeded:
            "Khi trả lại báo cáo, hãy ghi lý do."
        case .returnedSubject:
            "[Nhắc việc] Báo cáo hoàn thành được trả lại"
        case .returnedMail:
            "Văn phòng trả lại báo cáo hoàn thành của đồng chí; nhiệm vụ tiếp tục được nhắc. Lý do:"
        case .reports:
            "Báo cáo"
        case .period:
            "Kỳ báo cáo"
        case .periodHelp:
            "Viết như thường viết: Tháng 3/2025, Quý I/2025, 6 tháng đầu năm, Năm 2025."
        case .notAPeriod:
            "Không đọc được kỳ báo cáo; viết chẳng hạn Tháng 3/2025, Quý I/2025, 6 tháng đầu năm, Năm 2025."
        case .total:
            "Tổng số"
        case .cameDue:
            "Đã đến hạn"
        case .download:
            "Tải về"
        case .printable:
            "Bản in (A4)"
        case .calendar:
            "Lịch làm việc"
        case .year:
            "Năm"
        case .workingDayCount:
            "ngày làm việc"
        case .daysOff:
            "Ngày nghỉ (ngoài thứ Bảy, Chủ nhật thường lệ)"
        case .workedDays:
            "Thứ Bảy, Chủ nhật đi làm"
        case .notAnnounced:
            "Lịch nghỉ năm này chưa được công bố: Tết và ngày liền kề 2/9 tính theo quy tắc."
        case .source:
            "Căn cứ"
        case .reason:
            "Lý do"
        case .show:
            "Xem"
        case .tasks:
            "Nhiệm vụ"
        case .section:
            "Lĩnh vực"
        case .lead:
            "Lãnh đạo chỉ đạo"
        case .status:
            "Tình trạng"
        case .any:
            "Tất cả"
        case .search:
            "Tìm"
        case .filter:
            "Lọc"
        case .shown:
            "nhiệm vụ"
        case .page:
            "Trang"
        case .none:
            "Không có nhiệm vụ nào."
        case .occurrences:
            "Các kỳ hạn"
        case .nominal:
            "Thời hạn theo kế hoạch"
        case .effective:
            "Thời hạn tính theo ngày làm việc"
        case .completedOn:
            "Ngày hoàn thành"
        case .note:
            "Ghi chú"
        case .record:
            "Ghi nhận hoàn thành"
        case .reopen:
            "Mở lại"
        case .sent:
            "Các lần nhắc đã gửi"
        case .noSent:
            "Chưa gửi lần nhắc nào."
        case .day:
            "Ngày"
        case .to:
            "Gửi tới"
        case .state:
            "Kết quả"
        case .answer:
            "Máy chủ trả lời"
        case .history:
            "Lịch sử ghi nhận"
        case .noHistory:
            "Chưa có ghi nhận nào trên hệ thống."
        case .completed:
            "hoàn thành"
        case .reopened:
            "mở lại"
        case .by:
            "Người ghi"
        case .from:
            "Từ máy"
        case .badDate:
            "Ngày hoàn thành không đọc được, ở tương lai, hoặc trước năm kế hoạch"
        case .linkSubject:
            "[Nhắc việc] Đường dẫn đăng nhập"
        case .linkMail:
            "Đồng chí (hoặc ai đó nhập địa chỉ của đồng chí) vừa xin đăng nhập vào trang Nhắc việc. Bấm vào đường dẫn dưới đây trong 15 phút; đường dẫn dùng được một lần. Nếu đồng chí không xin, hãy bỏ qua thư này."
        case .plans:
            "Kế hoạch"
        case .inUse:
            "Đang dùng"
        case .version:
            "Phiên bản"
        case .configFile:
            "tệp trong thư mục cấu hình"
        case .notApplied:
            "chưa áp dụng phiên bản nào"
        case .configFileNewer:
            "Tệp trong thư mục cấu hình đã được sửa sau lần áp dụng gần nhất, nên hệ thống đang dùng tệp đó."
        case .workingCopy:
            "Tải bản làm việc (.xlsx, có ngày hoàn thành đã ghi nhận)"
        case .uploadVersion:
            "Phiên bản mới"
        case .uploadHelp:
            "Tệp .xlsx, .csv hoặc .toml. Hệ thống kiểm tra toàn bộ trước, rồi cho xem trước; chưa có gì thay đổi cho tới khi bấm Áp dụng. Tối đa"
        case .check:
            "Kiểm tra"
        case .versions:
            "Các phiên bản đã tải lên"
        case .uploadedBy:
            "Người tải lên"
        case .preview:
            "Xem trước"
        case .restore:
            "Khôi phục"
        case .apply:
            "Áp dụng"
        case .applied:
            "Áp dụng"
        case .restored:
            "Khôi phục"
        case .changes:
            "Các lần thay đổi"
        case .newPlan:
            "Thêm kế hoạch mới"
        case .planFile:
            "Tệp kế hoạch"
        case .planYear:
            "Năm kế hoạch (nếu bảng không ghi)"
        case .appliedNotice:
            "Đã áp dụng. Hệ thống nhắc việc theo phiên bản này từ lần gửi tới."
        case .chooseFile:
            "Hãy chọn tệp kế hoạch để tải lên."
        case .errorsFound:
            "lỗi"
        case .nothingChanged:
            "Tệp có lỗi nên chưa có gì thay đổi; hệ thống vẫn nhắc theo phiên bản đang dùng. Sửa các lỗi dưới đây rồi tải lên lại."
        case .file:
            "Tệp"
        case .sheet:
            "Trang tính"
        case .row:
            "Dòng"
        case .column:
            "Cột"
        case .written:
            "Nội dung ô"
        case .error:
            "Lỗi"
        case .fix:
            "Cách sửa"
        case .unchanged:
            "Không có thay đổi nào so với phiên bản đang dùng."
        case .added:
            "Nhiệm vụ thêm"
        case .removed:
            "Nhiệm vụ bỏ"
        case .changed:
            "Nhiệm vụ thay đổi"
        case .completionsChanged:
            "Kỳ có ngày hoàn thành khác"
        case .before:
            "Đang dùng"
        case .after:
            "Phiên bản mới"
        case .remindersNext:
            "Lịch nhắc những ngày làm việc tới"
        case .underCurrent:
            "Theo phiên bản đang dùng"
        case .underNew:
            "Theo phiên bản mới"
        case .fieldTitle:
            "Nội dung"
        case .fieldDeadline:
            "Thời hạn"
        case .fieldResponsible:
            "Chủ trì"
        case .fieldLead:
            "Lãnh đạo chỉ đạo"
        case .fieldFocus:
            "Trọng tâm"
        case .stageBefore:
            "sắp đến hạn"
        case .stageDue:
            "đến hạn"
        case .stageOverdue:
            "quá hạn"
        case .yes:
            "có"
        case .no:
            "không"
        }
    }
}
