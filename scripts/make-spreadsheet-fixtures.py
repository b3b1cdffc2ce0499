#!/usr/bin/env python3
"""Makes the spreadsheet fixtures. Run once from the repository root and commit what it writes:

    apt-get install libreoffice-calc-nogui     # for the files LibreOffice saves
    /usr/bin/python3 scripts/make-spreadsheet-fixtures.py

Writes:
- config/plans/ngo-quyen-2024.xlsx: the example plan (config/plans/ngo-quyen-2024.toml) as the clerk's
  assignment table, saved by LibreOffice (`soffice --headless --convert-to xlsx`) from a flat ODS this
  script writes: title rows, Vietnamese headers, section rows, a lead cell merged over the rows of its
  section, dates as date cells, and a second sheet with the completions of recurring tasks.
- Tests/ScheduleSourcesTests/Fixtures/excel-style.xlsx and excel-1904.xlsx: workbooks written part by
  part the way Excel writes them (shared strings, a built-in date format, serial dates in the 1900 or
  1904 system, an inline string, a merged cell, a first sheet that is not the table), with names in
  decomposed Unicode (NFD).
- Tests/ScheduleSourcesTests/Fixtures/bomb.xlsx and bomb-lying.xlsx: archives that expand past the
  reader's 200 MB limit, one declaring it, one hiding it behind false sizes.
"""
import datetime
import os
import struct
import subprocess
import tempfile
import tomllib
import unicodedata
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "ScheduleSourcesTests", "Fixtures")

HEADERS = ["Mã", "Nội dung nhiệm vụ", "Trọng tâm", "Lãnh đạo chỉ đạo", "Chủ trì", "Phối hợp",
           "Thời gian hoàn thành", "Ngày hoàn thành", "Chỉ tiêu", "Văn bản giao", "Chuyển tiếp từ năm",
           "Kỳ báo cáo", "Ghi chú"]
REPORTS = {"monthly": "Hằng tháng", "quarterly": "Hằng quý", "half_yearly": "6 tháng", "yearly": "Hằng năm"}
EVERY = {"month": "Hằng tháng", "quarter": "Hàng quý", "year": "Hằng năm"}


# --- The example plan, through LibreOffice -------------------------------------------------------

def cell(value, merged_rows=1):
    span = f' table:number-rows-spanned="{merged_rows}"' if merged_rows > 1 else ""
    if value is None or value == "":
        return f"<table:table-cell{span}/>"
    if isinstance(value, datetime.date):
        return (f'<table:table-cell{span} table:style-name="date" office:value-type="date" '
                f'office:date-value="{value.isoformat()}"><text:p>{value.strftime("%d/%m/%Y")}</text:p></table:table-cell>')
    if isinstance(value, int):
        return f'<table:table-cell{span} office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
    return f'<table:table-cell{span} office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def covered():
    return "<table:covered-table-cell/>"


def example_rows(plan):
    """The assignment table's rows: section rows and task rows, with the lead merged per run."""
    sections = {s["id"]: s["title"] for s in plan.get("section", [])}
    rows = []
    order = []
    for task in plan["task"]:
        if task.get("section") not in order:
            order.append(task.get("section"))
    for section in order:
        rows.append(("section", [section, sections[section]] + [""] * (len(HEADERS) - 2)))
        for task in [t for t in plan["task"] if t.get("section") == section]:
            due = task.get("due")
            if due is None:
                due = f'{EVERY[task["every"]]}, trước ngày {task["day"]}'
            responsible = task["responsible"]
            rows.append(("task", [
                task["id"], task["title"], "x" if task.get("focus") else "", task.get("lead", ""),
                ", ".join(responsible) if isinstance(responsible, list) else responsible,
                ", ".join(task.get("coordinating", [])), due, task.get("completed"), task.get("target", ""),
                task.get("document", ""), task.get("carried_over_from", ""), REPORTS.get(task.get("report"), ""),
                task.get("completion_note", task.get("note", "")),
            ]))
    return rows


def example_fods(plan):
    rows = example_rows(plan)
    lead = HEADERS.index("Lãnh đạo chỉ đạo")
    body = []
    body.append("<table:table-row>" + cell("BIỂU PHÂN CÔNG THỰC HIỆN NHIỆM VỤ NĂM 2024") + "</table:table-row>")
    body.append("<table:table-row>" + cell(f"(Kèm theo {plan['plan']['title']})") + "</table:table-row>")
    body.append("<table:table-row>" + "".join(cell(h) for h in HEADERS) + "</table:table-row>")
    i = 0
    while i < len(rows):
        kind, values = rows[i]
        if kind == "task":
            # Merge the lead cell over the run of task rows below with the same lead.
            run = 1
            while i + run < len(rows) and rows[i + run][0] == "task" and rows[i + run][1][lead] == values[lead]:
                run += 1
            for k in range(run):
                v = rows[i + k][1]
                cells = [cell(x) for x in v]
                cells[lead] = cell(v[lead], run) if k == 0 else covered()
                body.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
            i += run
        else:
            body.append("<table:table-row>" + "".join(cell(x) for x in values) + "</table:table-row>")
            i += 1
    completions = ["<table:table-row>" + "".join(cell(h) for h in ["Mã", "Kỳ", "Ngày hoàn thành", "Ghi chú"]) + "</table:table-row>"]
    for task in plan["task"]:
        for occurrence, done in task.get("completed_occurrences", {}).items():
            completions.append("<table:table-row>" + cell(task["id"]) + cell(datetime.date.fromisoformat(occurrence))
                               + cell(done) + cell("") + "</table:table-row>")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
 <number:date-style style:name="ddmmyyyy"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>
 <style:style style:name="date" style:family="table-cell" style:data-style-name="ddmmyyyy"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Biểu phân công">{"".join(body)}</table:table>
<table:table table:name="Theo dõi hoàn thành">{"".join(completions)}</table:table>
</office:spreadsheet></office:body></office:document>
"""


def make_example():
    with open(os.path.join(ROOT, "config", "plans", "ngo-quyen-2024.toml"), "rb") as f:
        plan = tomllib.load(f)
    with tempfile.TemporaryDirectory() as tmp:
        fods = os.path.join(tmp, "ngo-quyen-2024.fods")
        with open(fods, "w", encoding="utf-8") as f:
            f.write(example_fods(plan))
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "xlsx",
                        "--outdir", tmp, fods], check=True, capture_output=True)
        with open(os.path.join(tmp, "ngo-quyen-2024.xlsx"), "rb") as src, \
                open(os.path.join(ROOT, "config", "plans", "ngo-quyen-2024.xlsx"), "wb") as dst:
            dst.write(src.read())


# --- Excel-style workbooks, part by part ---------------------------------------------------------

def nfd(text):
    return unicodedata.normalize("NFD", text)


EXCEL_ROWS = [
    # STT, Nội dung, Lãnh đạo chỉ đạo (merged over rows 5-6), Chủ trì, Thời gian hoàn thành, Ngày hoàn thành
    ["I", "LĨNH VỰC KINH TẾ", None, None, None, None],
    [1, "Thu ngân sách quý I", nfd("Nguyễn Văn Lâm"), nfd("Trần Văn Hùng"), datetime.date(2024, 3, 29), datetime.date(2024, 3, 28)],
    [2, "Rà soát mái che, mái vẩy", None, nfd("Trần Văn Hùng"), "Quý II/2024", None],
    ["II", "VĂN HÓA - XÃ HỘI", None, None, None, None],
    [1, "Báo cáo công tác xã hội", nfd("Bà Nguyễn Thị Tần"), nfd("Trần Văn Hùng"), "Hằng tháng, trước ngày 20", None],
]


def serial(date, date1904):
    epoch = datetime.date(1904, 1, 1) if date1904 else datetime.date(1899, 12, 30)
    return (date - epoch).days


def excel_workbook(path, date1904):
    strings = []

    def shared(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    def ref(col, row):
        return f"{'ABCDEF'[col]}{row}"

    rows_xml = []
    headers = ["STT", "Nội dung", "Lãnh đạo chỉ đạo", "Chủ trì", "Thời gian hoàn thành", "Ngày hoàn thành"]
    rows_xml.append('<row r="1"><c r="A1" t="inlineStr"><is><t>BIỂU PHÂN CÔNG THỰC HIỆN NHIỆM VỤ NĂM 2024</t></is></c></row>')
    rows_xml.append('<row r="3">' + "".join(f'<c r="{ref(i, 3)}" t="s"><v>{shared(h)}</v></c>' for i, h in enumerate(headers)) + "</row>")
    for n, values in enumerate(EXCEL_ROWS):
        r = 4 + n
        cells = []
        for col, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, datetime.date):
                cells.append(f'<c r="{ref(col, r)}" s="1"><v>{serial(value, date1904)}</v></c>')
            elif isinstance(value, int):
                cells.append(f'<c r="{ref(col, r)}"><v>{value}</v></c>')
            else:
                cells.append(f'<c r="{ref(col, r)}" t="s"><v>{shared(value)}</v></c>')
        rows_xml.append(f'<row r="{r}" spans="1:6">' + "".join(cells) + "</row>")
    sheet2 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
              '<dimension ref="A1:F8"/><sheetData>' + "".join(rows_xml) + '</sheetData>'
              '<mergeCells count="2"><mergeCell ref="A1:F1"/><mergeCell ref="C5:C6"/></mergeCells></worksheet>')
    sheet1 = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              f'<row r="1"><c r="A1" t="s"><v>{shared("Hướng dẫn: điền biểu ở trang sau")}</v></c></row>'
              '</sheetData></worksheet>')
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
           + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>')
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                + ('<workbookPr date1904="1"/>' if date1904 else '<workbookPr defaultThemeVersion="166925"/>')
                + '<sheets><sheet name="Hướng dẫn" sheetId="1" r:id="rId1"/><sheet name="Biểu" sheetId="2" r:id="rId2"/></sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="xml" ContentType="application/xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/sharedStrings.xml", sst)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/worksheets/sheet1.xml", sheet1)
        z.writestr("xl/worksheets/sheet2.xml", sheet2)


# --- Archives that expand too far ---------------------------------------------------------------

def make_bombs():
    size = 210 << 20
    path = os.path.join(FIXTURES, "bomb.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("xl/workbook.xml", "w") as f:
            chunk = b"\0" * (1 << 20)
            for _ in range(size >> 20):
                f.write(chunk)
    # The same archive with its sizes rewritten to 1 KB, in the local headers and the central
    # directory, so that only counting the bytes as they are inflated finds it out.
    with open(path, "rb") as f:
        data = bytearray(f.read())
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_length = struct.unpack_from("<H", data, start + (26 if signature == b"PK\x03\x04" else 28))[0]
            name = data[start + (30 if signature == b"PK\x03\x04" else 46):][:name_length]
            if name == b"xl/workbook.xml":
                declared = struct.unpack_from("<I", data, start + offset)[0]
                if declared != 0xFFFFFFFF:
                    struct.pack_into("<I", data, start + offset, 1024)
            start += 4
    with open(os.path.join(FIXTURES, "bomb-lying.xlsx"), "wb") as f:
        f.write(data)


if __name__ == "__main__":
    os.makedirs(FIXTURES, exist_ok=True)
    excel_workbook(os.path.join(FIXTURES, "excel-style.xlsx"), date1904=False)
    excel_workbook(os.path.join(FIXTURES, "excel-1904.xlsx"), date1904=True)
    make_bombs()
    make_example()
