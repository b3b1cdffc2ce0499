#!/usr/bin/python3
"""Edits an assignment table (.xlsx) as a clerk would in Excel, for the tests of uploads: cells of a task's
row set or emptied, rows added. Works on the inline strings nhacviec's working copy writes.

    edit_workbook.py IN.xlsx OUT.xlsx '{"set": [["2.1.3", "F", "Quí 5/2024"]], "clear": [["2.1.4", "D"]],
                                        "add": [["K.1", "Title", "", "Trần Văn Hùng", "", "19/03/2024"]]}'
    edit_workbook.py --cells IN.xlsx    (prints the task sheet's rows as JSON: [[A, B, ...], ...])
"""
import json
import re
import sys
import zipfile
from xml.sax.saxutils import escape

SHEET = "xl/worksheets/sheet1.xml"


def cell(reference, text):
    return ('<c r="%s" s="0" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>'
            % (reference, escape(text)))


def row_of(xml, task):
    match = re.search(r'<c r="A(\d+)"[^>]*><is><t[^>]*>%s</t>' % re.escape(escape(task)), xml)
    if not match:
        raise SystemExit("no row for task %s" % task)
    return int(match.group(1))


def replace_cell(xml, reference, text):
    pattern = re.compile(r'<c r="%s"[^>]*?(/>|>.*?</c>)' % reference)
    replacement = cell(reference, text) if text is not None else ""
    if pattern.search(xml):
        return pattern.sub(lambda _: replacement, xml, count=1)
    if text is None:
        return xml
    row = re.sub(r"[A-Z]+", "", reference)
    # Cells of a row stay in column order: a new one goes before the first later column.
    match = re.search(r'<row r="%s">(.*?)</row>' % row, xml)
    cells = re.findall(r'<c r="([A-Z]+)%s"' % row, match.group(1))
    column = re.sub(r"\d+", "", reference)
    later = [c for c in cells if (len(c), c) > (len(column), column)]
    if later:
        anchor = re.search(r'<c r="%s%s"' % (later[0], row), xml[match.start():]).start() + match.start()
        return xml[:anchor] + replacement + xml[anchor:]
    end = match.end() - len("</row>")
    return xml[:end] + replacement + xml[end:]


def edit(source, target, changes):
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts[SHEET].decode("utf-8")
    for task, column, text in changes.get("set", []):
        xml = replace_cell(xml, "%s%d" % (column, row_of(xml, task)), text)
    for task, column in changes.get("clear", []):
        xml = replace_cell(xml, "%s%d" % (column, row_of(xml, task)), None)
    last = max(int(n) for n in re.findall(r'<row r="(\d+)"', xml))
    for offset, cells in enumerate(changes.get("add", [])):
        number = last + 1 + offset
        row = "".join(cell("%s%d" % (chr(65 + i), number), text) for i, text in enumerate(cells) if text)
        xml = xml.replace("</sheetData>", '<row r="%d">%s</row></sheetData>' % (number, row))
    parts[SHEET] = xml.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def cells(source):
    with zipfile.ZipFile(source) as archive:
        xml = archive.read(SHEET).decode("utf-8")
    rows = []
    for row in re.findall(r"<row [^>]*>(.*?)</row>", xml):
        values = {}
        for reference, text, number in re.findall(
                r'<c r="([A-Z]+)\d+"[^>]*>(?:<is><t[^>]*>(.*?)</t></is>|<v>(.*?)</v>)', row):
            values[reference] = text or number
        rows.append([values.get(chr(65 + i), "") for i in range(13)])
    return rows


if __name__ == "__main__":
    if sys.argv[1] == "--cells":
        print(json.dumps(cells(sys.argv[2]), ensure_ascii=False))
    else:
        edit(sys.argv[1], sys.argv[2], json.loads(sys.argv[3]))
