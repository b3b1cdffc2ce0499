#!/usr/bin/python3
"""The web workspace in a real browser (Debian's chromium through chromedriver and python3-selenium),
against a running `serve` whose mail goes to an aiosmtpd store.

Usage: browser_workspace.py BASE MAIL_STORE SCREENSHOTS EXPECTED_COUNTS_JSON

Walks the clerk's day and an official's report: sign-in through the link read from the mail the SMTP
server received (a used and a forged link refused, an unknown address answered the same with no mail), the overview (its counts must equal EXPECTED_COUNTS_JSON, from `tasks --json`), the
task list and a task's page (listing the reminders the server received for it), a completion recorded in
the browser, the calendar, an official's "Báo cáo hoàn thành" from a delivered mail, an official refused
another's task, signing out. Saves a screenshot of each page into SCREENSHOTS and checks none is blank.
Prints one line per check; exits 1 when any failed.
"""
import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_common as common  # noqa: E402
from browser_common import By, check, click, fill, link_in, mails, not_blank, sign_in  # noqa: E402

BASE, STORE, SHOTS, EXPECTED = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
browser = common.start(BASE, STORE, SHOTS)
try:
    browser.get(BASE + "/dang-nhap")
    not_blank("dang-nhap")
    link = sign_in("thu@phuong-ngoquyen.example")
    page = browser.find_element(By.TAG_NAME, "body").text
    check("the clerk is signed in", "Đang đăng nhập: Lê Thị Thu" in page, page[:200])
    counts = {element.get_attribute("data-status"): int(element.find_element(By.TAG_NAME, "b").text)
              for element in browser.find_elements(By.CSS_SELECTOR, ".count")}
    check("the overview's counts equal tasks --json at the same instant", counts == EXPECTED, f"{counts} != {EXPECTED}")
    not_blank("tong-quan")
    browser.get(link)
    check("a used sign-in link is refused", "không dùng được" in browser.find_element(By.TAG_NAME, "body").text)

    browser.get(BASE + "/nhiem-vu?status=overdue")
    statuses = {row.get_attribute("data-status") for row in browser.find_elements(By.CSS_SELECTOR, "tr[data-task]")}
    check("the status filter keeps the overdue tasks only", statuses == {"overdue"}, str(statuses))
    not_blank("nhiem-vu")

    browser.get(BASE + "/nhiem-vu/2.1.4")
    sent = browser.find_elements(By.CSS_SELECTOR, "tr.sent")
    received = [to for to, subject, text in mails() if "[2.1.4]" in text and "Báo cáo" not in subject]
    listed = " ".join(row.text for row in sent)
    check("the task's page lists every reminder the mail server received for it",
          len(sent) == len(received) and all(re.search(r"<([^>]+)>", to).group(1) in listed for to in received),
          f"{listed} / {received}")
    fill("form[action$='/hoan-thanh'] input[name=date]", "13/03/2024", replace=True)
    fill("form[action$='/hoan-thanh'] input[name=note]", "Ghi nhận trên trình duyệt")
    click("form[action$='/hoan-thanh'] button")
    row = browser.find_element(By.CSS_SELECTOR, "tr[data-occurrence]")
    check("the completion recorded in the browser shows on the page", row.get_attribute("data-status") == "doneLate",
          row.get_attribute("data-status"))
    history = browser.find_element(By.CSS_SELECTOR, "tr.history").text
    check("the history keeps who and from which address", "thu" in history and "127.0.0.1" in history, history)
    not_blank("nhiem-vu-2.1.4")
    click("form[action$='/mo-lai'] button")
    check("reopening brings it back", browser.find_element(By.CSS_SELECTOR, "tr[data-occurrence]")
          .get_attribute("data-status") == "overdue")

    browser.get(BASE + "/lich?nam=2024")
    check("the calendar lists Tết", "Tết Nguyên đán" in browser.find_element(By.TAG_NAME, "body").text)
    not_blank("lich")

    click("form[action='/dang-xuat'] button")
    check("signing out leads to the sign-in page", browser.current_url.endswith("/dang-nhap"), browser.current_url)
    browser.get(BASE + "/")
    check("signed out, the overview asks to sign in", browser.current_url.endswith("/dang-nhap"))

    browser.get(BASE + "/dang-nhap/" + "A" * 43)
    check("a forged sign-in link is refused", "không dùng được" in browser.find_element(By.TAG_NAME, "body").text)
    before = len(mails())
    browser.get(BASE + "/dang-nhap")
    fill("input[name=email]", "ai-do@example.com")
    click("button[type=submit]")
    check("an unknown address gets the same answer",
          "một đường dẫn đăng nhập vừa được gửi tới" in browser.find_element(By.TAG_NAME, "body").text)
    time.sleep(1.5)
    check("and no mail", not any("ai-do@example.com" in to for to, _, _ in mails()[before:]))

    # An official, from the reminder in their mail.
    browser.delete_all_cookies()
    report = link_in("hung@phuong-ngoquyen.example", r"http://\S+/bao-cao/[A-Za-z0-9_.-]+")
    check("Hùng's reminder carries a Báo cáo hoàn thành link", report is not None)
    browser.get(report)
    not_blank("bao-cao")
    fill("textarea[name=note]", "Đã rà soát xong, có biên bản")
    click("button[type=submit]")
    check("the official's report is sent", "Đã gửi báo cáo" in browser.find_element(By.TAG_NAME, "body").text)

    sign_in("lan@phuong-ngoquyen.example")
    browser.get(BASE + "/nhiem-vu/2.1.4")
    check("an official cannot open another official's task",
          "không có quyền" in browser.find_element(By.TAG_NAME, "body").text)

    sign_in("thu@phuong-ngoquyen.example")
    waiting = browser.find_elements(By.CSS_SELECTOR, "tr.waiting")
    check("the clerk's overview lists the report waiting", len(waiting) == 1 and "Trần Văn Hùng" in waiting[0].text)
    not_blank("tong-quan-bao-cao")
    click("tr.waiting form[action$='/xac-nhan'] button")
    check("confirmed, no report waits", not browser.find_elements(By.CSS_SELECTOR, "tr.waiting"))
finally:
    browser.quit()
sys.exit(1 if common.failed else 0)
