"""What the browser tests share: checks that print one line each, the mail the SMTP test server stored,
clicks and typing that survive Chromium settling a page, screenshots checked not blank, sign-in through
the mailed link, and Debian's headless Chromium itself."""
import email
import email.policy
import glob
import os
import re
import struct
import time
import zlib

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

BASE = STORE = SHOTS = ""
browser = None
failed = 0


def start(base, store, shots, downloads=None):
    """Opens the browser every helper here drives."""
    global BASE, STORE, SHOTS, browser
    BASE, STORE, SHOTS = base, store, shots
    browser = new_browser(downloads)
    return browser


def new_browser(downloads=None):
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1100,1400",
                     "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    if downloads:
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver

def check(what, ok, detail=""):
    """Prints the check's line; counts a failure."""
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


def click(selector, driver=None):
    """Clicks the button that submits a form, and waits for the page that follows. Looked up afresh on each
    try: Chromium may hand back a node of a document it is still settling."""
    driver = driver or browser
    for attempt in range(5):
        try:
            page = driver.find_element(By.TAG_NAME, "html")
            driver.find_element(By.CSS_SELECTOR, selector).click()
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
    WebDriverWait(driver, 15).until(lambda each: each.execute_script("return document.readyState") == "complete")


def fill(selector, text, replace=False, driver=None):
    """Types into a field as a person does; looked up afresh on each try, as Chromium may hand back a node
    of a document it is still settling."""
    driver = driver or browser
    for attempt in range(5):
        try:
            field = driver.find_element(By.CSS_SELECTOR, selector)
            if replace:
                field.send_keys(Keys.CONTROL, "a")
            field.send_keys(text)
            return
        except WebDriverException:
            if attempt == 4:
                raise
            time.sleep(0.2)


def sign_in(address, driver=None):
    driver = driver or browser
    before = len(mails())
    driver.get(BASE + "/dang-nhap")
    fill("input[name=email]", address, driver=driver)
    click("button[type=submit]", driver=driver)
    link = link_in(address, r"http://\S+/dang-nhap/[A-Za-z0-9_-]+", after=before)
    check(f"the sign-in link for {address} arrives by mail", link is not None)
    driver.get(link)
    return link


def text(driver=None):
    """What the page says."""
    return (driver or browser).find_element(By.TAG_NAME, "body").text
