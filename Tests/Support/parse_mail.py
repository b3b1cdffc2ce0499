#!/usr/bin/env python3
"""Parses a received message with Python's email package (policy=default) and its .ics attachment with
python3-icalendar, and prints what the tests check as JSON: decoded headers, every header name in
order, the MIME structure, the text and HTML parts, and the calendar's events."""
import email
import email.policy
import json
import sys

import icalendar


def main():
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    header_block = raw.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace")
    result = {
        "subject": str(message["Subject"]),
        "from_name": message["From"].addresses[0].display_name,
        "from_address": message["From"].addresses[0].addr_spec,
        "to_name": message["To"].addresses[0].display_name,
        "to_address": message["To"].addresses[0].addr_spec,
        "message_id": message["Message-ID"],
        "date": message["Date"],
        "auto_submitted": message["Auto-Submitted"],
        "header_names": list(message.keys()),
        "longest_header_line": max(len(line) for line in header_block.split("\r\n")),
        "longest_header": max(header_block.split("\r\n"), key=len),
        "raw_subject_lines": [l for l in header_block.split("\r\n") if l.startswith("Subject:") or l.startswith(" ")],
        "content_type": message.get_content_type(),
        "parts": [part.get_content_type() for part in message.walk()],
        "defects": [str(d) for part in message.walk() for d in part.defects],
        "text": message.get_body(("plain",)).get_content().replace("\r\n", "\n"),
        "html": message.get_body(("html",)).get_content().replace("\r\n", "\n"),
        "events": [],
    }
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            calendar = icalendar.Calendar.from_ical(part.get_content())
            for event in calendar.walk("VEVENT"):
                result["events"].append({"summary": str(event["SUMMARY"]), "start": event["DTSTART"].dt.isoformat(),
                                         "uid": str(event["UID"])})
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
