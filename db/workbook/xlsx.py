"""A fast, streaming reader of .xlsx cell values.

openpyxl reads the workbook's structure (sheet list, shared strings, which styles are dates);
the sheets themselves are parsed here with expat, which is several times quicker than openpyxl's
read-only cells on 100,000-row ledgers and never scans a sheet twice (openpyxl does when the
file has no <dimension>, as files written in write-only mode do not).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from xml.parsers import expat

from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel

CHUNK = 1 << 16


@dataclass(frozen=True)
class SheetSource:
    """One worksheet in the archive: its title, the XML member and its uncompressed size."""

    title: str
    member: str
    size: int


class XlsxBook:
    """An open .xlsx archive: sheet titles and a row iterator per sheet."""

    def __init__(self, source):
        reader = ExcelReader(source, read_only=True, data_only=True)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        self._archive = reader.archive
        self._strings = reader.shared_strings
        self._dates = frozenset(reader.wb._date_formats)
        self._epoch = reader.wb.epoch
        names = set(self._archive.namelist())
        self.sheets = [SheetSource(sheet.name, rel.target, self._archive.getinfo(rel.target).file_size)
                       for sheet, rel in reader.parser.find_sheets()
                       if rel.target in names and "worksheet" in rel.Type]

    def rows(self, sheet: SheetSource, on_bytes: Callable[[int], None] = lambda n: None,
             ) -> Iterator[tuple[int, dict[int, object]]]:
        """(Excel row number, {0-based column: value}) for every non-empty row, in order."""
        parser = _SheetParser(self._strings, self._dates, self._epoch)
        with self._archive.open(sheet.member) as stream:
            while chunk := stream.read(CHUNK):
                parser.feed(chunk)
                on_bytes(len(chunk))
                yield from parser.take()
        parser.feed(b"", final=True)
        yield from parser.take()

    def close(self) -> None:
        """Close the archive."""
        self._archive.close()


class _SheetParser:
    # expat callbacks collecting <row><c r= t= s=><v>…</v> or <is><t>…</t></is></c></row>.

    def __init__(self, strings, dates, epoch):
        self.strings, self.dates, self.epoch = strings, dates, epoch
        self.parser = expat.ParserCreate(namespace_separator="}")
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.CharacterDataHandler = self._text
        self.done: list[tuple[int, dict]] = []
        self.row, self.cells, self.column = 0, {}, -1
        self.kind = self.style = None
        self.text: list[str] = []
        self.collect = False

    def feed(self, data: bytes, final: bool = False) -> None:
        self.parser.Parse(data, final)

    def take(self) -> list[tuple[int, dict]]:
        done, self.done = self.done, []
        return done

    def _start(self, name, attrs):
        tag = name[name.rfind("}") + 1:]
        if tag == "c":
            ref = attrs.get("r")
            self.column = column_index_from_string(ref.rstrip("0123456789")) - 1 if ref else self.column + 1
            self.kind, self.style = attrs.get("t", "n"), attrs.get("s")
            self.text = []
        elif tag in ("v", "t"):
            self.collect = True
        elif tag == "row":
            self.row = int(attrs["r"]) if "r" in attrs else self.row + 1
            self.cells, self.column = {}, -1

    def _text(self, data):
        if self.collect:
            self.text.append(data)

    def _end(self, name):
        tag = name[name.rfind("}") + 1:]
        if tag in ("v", "t"):
            self.collect = False
        elif tag == "c":
            value = self._value("".join(self.text)) if self.text else None
            if value is not None:
                self.cells[self.column] = value
        elif tag == "row" and self.cells:
            self.done.append((self.row, self.cells))

    def _value(self, text: str):
        kind = self.kind
        if kind == "s":
            return self.strings[int(text)]
        if kind in ("inlineStr", "str", "d"):
            return text
        if kind == "b":
            return text == "1"
        if kind == "e":
            return text  # an error such as #N/A: the schema refuses it as text
        number = float(text) if ("." in text or "E" in text or "e" in text) else int(text)
        if self.style is not None and int(self.style) in self.dates:
            return from_excel(number, self.epoch)
        return number
