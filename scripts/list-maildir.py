#!/usr/bin/env python3
"""Lists the messages of a Maildir as `make demo` shows them: date, recipient, subject, decoded."""
import email
import email.policy
import os
import sys

folder = os.path.join(sys.argv[1], "new")
rows = []
for name in os.listdir(folder):
    with open(os.path.join(folder, name), "rb") as f:
        message = email.message_from_binary_file(f, policy=email.policy.default)
    rows.append((message["Date"].datetime, str(message["To"]), str(message["Subject"])))
for date, to, subject in sorted(rows):
    print(f"{date:%d/%m/%Y %H:%M}  {to:<55} {subject}")
print(f"{len(rows)} message(s) in {folder}")
