#!/usr/bin/python3
"""*Kế hoạch* in a real browser (Debian's chromium through chromedriver and python3-selenium), against a
running `serve` whose mail goes to an aiosmtpd store and whose clock reaches the 07:30 send a little
after it starts.

Usage: browser_plans.py BASE MAIL_STORE SCREENSHOTS WORK_FOLDER EXPECTED_Q1_JSON

The clerk replaces the plan as she would: the Q1 report's figures (they must equal EXPECTED_Q1_JSON, from
`report --format json`), the working copy downloaded and edited with three mistakes (each error located
with the cell's text), mended (the preview shows one deadline changed and one task added, and the
reminders beside the current ones), applied while an editor's page of the same version is open (her
Áp dụng is then refused, naming the clerk), the 07:30 digest following it, the file in the config folder
restored (the overview's next send follows it again), the working copy uploaded unchanged (no change), a
zip bomb and a file over the limit refused. Screenshots of each page go to SCREENSHOTS.
Prints one line per check; exits 1 when any failed.
"""
import glob
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_common as common  # noqa: E402
import edit_workbook  # noqa: E402
from browser_common import By, check, click, mails, not_blank, sign_in, text, wait_for  # noqa: E402

BASE, STORE, SHOTS, WORK, EXPECTED = sys.argv[1:5] + [json.loads(sys.argv[5])]
PLAN = "ngo-quyen-2024.toml"
browser = common.start(BASE, STORE, SHOTS, downloads=WORK)
editor = common.new_browser()


def download_working_copy(name):
    """Clicks the working copy's link and waits for the file."""
    for old in glob.glob(os.path.join(WORK, "*.xlsx")):
        os.remove(old)
    browser.get(BASE + "/ke-hoach")
    browser.find_element(By.CSS_SELECTOR, f"section[data-plan='{PLAN}'] a[href^='/ke-hoach/tai-ve']").click()
    path = wait_for(lambda: next(iter(glob.glob(os.path.join(WORK, "*-ban-lam-viec.xlsx"))), None))
    check("the working copy downloads as .xlsx", path is not None)
    target = os.path.join(WORK, name)
    os.replace(path, target)
    return target


def upload(path):
    browser.get(BASE + "/ke-hoach")
    browser.find_element(By.CSS_SELECTOR, f"section[data-plan='{PLAN}'] input[type=file]").send_keys(path)
    click(f"section[data-plan='{PLAN}'] form[action='/ke-hoach/tai-len'] button")


def count(name):
    return browser.find_element(By.CSS_SELECTOR, f"li[data-count='{name}']").text.split(":")[-1].strip()


def next_send_items(name):
    browser.get(BASE + "/")
    for row in browser.find_elements(By.XPATH, "//h2[starts-with(., 'Lần gửi tới')]/following-sibling::table//tr"):
        cells = row.find_elements(By.TAG_NAME, "td")
        if cells and cells[0].text == name:
            return int(cells[1].text)
    return 0


try:
    sign_in("thu@phuong-ngoquyen.example")
    browser.get(BASE + "/bao-cao-ky?ky=Quý I/2024")
    figures = {cell.get_attribute("data-field"): int(cell.text)
               for cell in browser.find_elements(By.CSS_SELECTOR, "td[data-field]")}
    check("the Q1 page's figures equal report --period 2024-Q1 --format json", figures == EXPECTED,
          f"{figures} != {EXPECTED}")

    browser.get(BASE + "/ke-hoach")
    check("Kế hoạch lists the plan in use", "Đang dùng: tệp trong thư mục cấu hình" in text())
    not_blank("ke-hoach")
    copy = download_working_copy("ban-lam-viec.xlsx")

    broken = os.path.join(WORK, "ke-hoach-ba-loi.xlsx")
    edit_workbook.edit(copy, broken, {"set": [["2.3.5", "F", "Quí V/2024"], ["2.3.6", "D", "Trần Văn Hưng"]],
                                      "clear": [["2.3.7", "D"]]})
    upload(broken)
    rows = [[row.find_element(By.CSS_SELECTOR, f"td.{field}").text for field in ("row", "column", "written", "message")]
            for row in browser.find_elements(By.CSS_SELECTOR, "tr.error")]
    check("three errors, each at its row and column with the cell's text",
          [row[:3] for row in rows] == [["19", "F", "Quí V/2024"], ["20", "D", "Trần Văn Hưng"], ["21", "D", ""]],
          str(rows))
    check("the unreadable deadline, the unknown name (with the closest) and the missing responsible are said",
          len(rows) == 3 and "không có quý 5" in rows[0][3] and "Trần Văn Hùng" in rows[1][3]
          and "chủ trì" in rows[2][3], str(rows))
    check("nothing changed", "chưa có gì thay đổi" in text())
    not_blank("ke-hoach-loi")

    mended = os.path.join(WORK, "ke-hoach-da-sua.xlsx")
    edit_workbook.edit(copy, mended, {
        "set": [["2.4.6", "F", "20/03/2024"]],
        "add": [["K.1", "Kiểm tra trật tự xây dựng tuyến phố mới", "Nguyễn Văn Lâm",
                 "Công chức Địa chính - Xây dựng", "", "19/03/2024"]]})
    upload(mended)
    preview = browser.current_url
    check("the preview counts one task added and one changed",
          (count("added"), count("changed"), count("removed")) == ("1", "1", "0"),
          f"{count('added')} {count('changed')} {count('removed')}")
    changed = browser.find_element(By.CSS_SELECTOR, "tr.changed").text
    check("the changed deadline, before and after", "2.4.6" in changed and "Tháng 12/2024" in changed
          and "20/03/2024" in changed, changed)
    new = [element.text for element in browser.find_elements(By.CSS_SELECTOR, "td.candidate .new")]
    check("the next working days' reminders show the new ones beside the current",
          "+ Trần Văn Hùng: K.1 (sắp đến hạn)" in new, str(new))
    not_blank("ke-hoach-xem-truoc")

    sign_in("tan@phuong-ngoquyen.example", driver=editor)
    editor.get(preview)
    check("the editor sees the same version's preview", editor.find_elements(By.ID, "ap-dung") != [])

    click("#ap-dung")
    check("applied", "Đã áp dụng" in text() and "Đang dùng: Phiên bản" in text(), text()[:300])
    not_blank("ke-hoach-da-ap-dung")
    click("#ap-dung", driver=editor)
    check("the editor's Áp dụng, on a page made before, is refused and names who came first",
          "Lê Thị Thu đã thay kế hoạch này" in text(editor), text(editor)[:300])

    def digest():
        return any("hung@" in to and "[K.1]" in body for to, _, body in mails())
    check("the 07:30 digest follows the version applied", wait_for(digest, seconds=150))
    check("the next send, under it, has two items for the clerk", next_send_items("Lê Thị Thu") == 2)

    browser.get(BASE + "/ke-hoach")
    click(f"section[data-plan='{PLAN}'] button[name=goc-tep]")
    check("restored, the file in the config folder is in use again", "Đang dùng: tệp trong thư mục cấu hình" in text())
    check("the next send follows it again: one item for the clerk", next_send_items("Lê Thị Thu") == 1)

    upload(download_working_copy("ban-lam-viec-2.xlsx"))
    check("the working copy uploaded unchanged: no change",
          "Không có thay đổi nào" in text() and not browser.find_elements(By.ID, "ap-dung"), text()[:300])

    upload(os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                        "../ScheduleSourcesTests/Fixtures/bomb.xlsx")))
    check("a zip bomb is refused with a clear message",
          len(browser.find_elements(By.CSS_SELECTOR, "tr.error")) == 1 and "chưa có gì thay đổi" in text(), text()[:300])
    large = os.path.join(WORK, "rat-lon.xlsx")
    with open(large, "wb") as handle:
        handle.write(b"PK\x03\x04" + bytes(11 * 1024 * 1024))
    upload(large)
    check("a file over 10 MB is refused with a clear message", "lớn hơn 10 MB" in text(), text()[:300])
finally:
    browser.quit()
    editor.quit()
sys.exit(1 if common.failed else 0)
