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
import email
import email.policy
import glob
import json
import os
import re
import struct
import sys
import time
import zlib

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

BASE, STORE, SHOTS, EXPECTED = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
failed = 0


def check(what, ok, detail=""):
    global failed
    print(("ok: " if ok else "FAILED: ") + what + ("" if ok else f" ({detail})"), flush=True)
    failed += 0 if ok else 1


def mails():
    found = []
    for path in sorted(glob.glob(os.path.join(STORE, "*.eml"))):
        with open(path, "rb") as handle:
            message = email.message_from_binary_file(handle, policy=email.policy.default)
        text = message.get_body(preferencelist=("plain",))
        found.append((str(message["To"]), str(message["Subject"]), text.get_content() if text else ""))
    return found


def wait_for(predicate, seconds=15):
    deadline = time.time() + seconds
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


def link_in(address, pattern, after=0):
    def find():
        for to, _, text in mails()[after:]:
            if address in to:
                match = re.search(pattern, text)
                if match:
                    return match.group(0)
        return None
    return wait_for(find)


def not_blank(name):
    """A PNG of more than a few colours: the page was drawn."""
    path = os.path.join(SHOTS, name + ".png")
    browser.save_screenshot(path)
    data = open(path, "rb").read()
    width, height = struct.unpack(">II", data[16:24])
    chunks, at = b"", 8
    while at < len(data):
        length = struct.unpack(">I", data[at:at + 4])[0]
        kind = data[at + 4:at + 8]
        if kind == b"IDAT":
            chunks += data[at + 8:at + 8 + length]
        at += 12 + length
    raw = zlib.decompress(chunks)
    colours = len(set(raw[i:i + 3] for i in range(1, min(len(raw), 400000), 97)))
    check(f"the screenshot {name}.png ({width}×{height}) is not blank ({colours} colours sampled)", colours > 8)


def click(selector):
    """Clicks the button that submits a form, and waits for the page that follows. Looked up afresh on each
    try: Chromium may hand back a node of a document it is still settling."""
    for attempt in range(5):
        try:
            page = browser.find_element(By.TAG_NAME, "html")
            browser.find_element(By.CSS_SELECTOR, selector).click()
            break
        except WebDriverException:
            if attempt == 4:
                raise
            time.sleep(0.2)
    # The old page is gone when its root no longer answers (Chromium says so with either error).
    deadline = time.time() + 15
    while time.time() < deadline:
        try:
            page.tag_name
        except WebDriverException:
            break
        time.sleep(0.05)
    WebDriverWait(browser, 15).until(lambda driver: driver.execute_script("return document.readyState") == "complete")


def fill(selector, text, replace=False):
    """Types into a field as a person does; looked up afresh on each try, as Chromium may hand back a node
    of a document it is still settling."""
    for attempt in range(5):
        try:
            field = browser.find_element(By.CSS_SELECTOR, selector)
            if replace:
                field.send_keys(Keys.CONTROL, "a")
            field.send_keys(text)
            return
        except WebDriverException:
            if attempt == 4:
                raise
            time.sleep(0.2)


def sign_in(address):
    before = len(mails())
    browser.get(BASE + "/dang-nhap")
    fill("input[name=email]", address)
    click("button[type=submit]")
    link = link_in(address, r"http://\S+/dang-nhap/[A-Za-z0-9_-]+", after=before)
    check(f"the sign-in link for {address} arrives by mail", link is not None)
    browser.get(link)
    return link


options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,1400",
                 "--disable-dev-shm-usage"]:
    options.add_argument(argument)
options.binary_location = "/usr/bin/chromium"
browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
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
sys.exit(1 if failed else 0)
