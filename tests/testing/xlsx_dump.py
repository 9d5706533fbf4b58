"""Dumps an .xlsx workbook as text lines, read with openpyxl: the independent reader the
tests check the CLI's workbooks with (tests/testing/xlsx_reader.h parses the lines).

  sheet NAME
  freeze NAME CELL            (the top-left cell of the scrolling pane; "-" when none)
  merged NAME RANGE           (one line per merged range, sorted)
  width NAME COLUMN WIDTH     (one line per column with a set width)
  cell NAME CELL text VALUE
  cell NAME CELL number VALUE FORMAT

Values are JSON strings/numbers so that tabs and line feeds in a cell stay on one line.
"""
import json
import sys

import openpyxl


def main(path):
    workbook = openpyxl.load_workbook(path)
    out = []
    for ws in workbook.worksheets:
        name = ws.title
        out.append(["sheet", name])
        out.append(["freeze", name, ws.freeze_panes or "-"])
        for rng in sorted(str(r) for r in ws.merged_cells.ranges):
            out.append(["merged", name, rng])
        for letter, dim in sorted(ws.column_dimensions.items()):
            if dim.width:
                out.append(["width", name, letter, "%.2f" % dim.width])
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    v = c.value
                    if isinstance(v, float) and v.is_integer():
                        v = int(v)
                    out.append(["cell", name, c.coordinate, "number", json.dumps(v),
                                c.number_format])
                else:
                    out.append(["cell", name, c.coordinate, "text", json.dumps(str(c.value),
                                ensure_ascii=False)])
    for fields in out:
        print("\t".join(fields))


if __name__ == "__main__":
    main(sys.argv[1])
