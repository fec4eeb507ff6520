"""A PDF written as it is made, for long batches.

reportlab keeps every page of a document until it is saved, so a batch of 1,000 forms held all
1,000 pages at once. A batch is therefore rendered in chunks, each a small complete PDF, and each
chunk is copied object by object into the one output file as soon as it is made. Only the chunk
being copied, the objects' file offsets and the pages' numbers stay in memory.
"""

from __future__ import annotations

import io
import re
from array import array
from typing import Any, BinaryIO

from pypdf import PdfReader
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    PdfObject,
    TextStringObject,
)

_CATALOG, _PAGES, _INFO = 1, 2, 3
_SUBSET_TAG = re.compile(r"^/[A-Z]{6}\+")


class PdfStream:
    """Appends whole PDFs' pages to one file, writing each object once, at once."""

    def __init__(self, out: BinaryIO, title: str = "", creator: str = "") -> None:
        self.out = out
        self.position = 0
        # object n is at offsets[n - 1]; 1–3 are written at close. Arrays, not lists: a list's int
        # objects would outlive each chunk and pin the memory the chunk's objects were freed into.
        self.offsets = array("q", [0, 0, 0])
        self.kids = array("q")
        self.subsets = 0
        self.info = {"/Title": title, "/Creator": creator, "/Producer": "CHC Desktop"}
        self.emit(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")

    # ------------------------------------------------------------------ writing
    def emit(self, data: bytes) -> None:
        self.out.write(data)
        self.position += len(data)

    def reserve(self) -> int:
        """The number of an object to be written later (a page's before the objects it uses)."""
        self.offsets.append(0)
        return len(self.offsets)

    def write_object(self, number: int, obj: PdfObject) -> None:
        self.offsets[number - 1] = self.position
        buffer = io.BytesIO()
        buffer.write(f"{number} 0 obj\n".encode())
        obj.write_to_stream(buffer)
        buffer.write(b"\nendobj\n")
        self.emit(buffer.getvalue())

    # ------------------------------------------------------------------ appending
    def append(self, pdf: bytes) -> int:
        """Copy every page of ``pdf`` (and all that its pages use) to the end; returns the pages added."""
        chunk = _Chunk(self, PdfReader(io.BytesIO(pdf)))
        try:
            for page in chunk.pages:
                number = chunk.copy_page(page)
                self.kids.append(number)
            return len(chunk.pages)
        finally:
            chunk.release()

    def close(self) -> None:
        """Write the page tree, the catalogue, the document information and the cross-reference table."""
        tree = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Pages"),
                NameObject("/Count"): NumberObject(len(self.kids)),
                NameObject("/Kids"): ArrayObject(IndirectObject(n, 0, None) for n in self.kids),
            }
        )
        self.write_object(_PAGES, tree)
        catalog = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Catalog"),
                NameObject("/Pages"): IndirectObject(_PAGES, 0, None),
            }
        )
        self.write_object(_CATALOG, catalog)
        info = DictionaryObject({NameObject(k): TextStringObject(v) for k, v in self.info.items() if v})
        self.write_object(_INFO, info)
        start = self.position
        lines = [f"xref\n0 {len(self.offsets) + 1}\n", "0000000000 65535 f \n"]
        lines += [f"{offset:010d} 00000 n \n" for offset in self.offsets]
        self.emit("".join(lines).encode())
        trailer = f"trailer\n<< /Size {len(self.offsets) + 1} /Root {_CATALOG} 0 R /Info {_INFO} 0 R >>\n"
        self.emit(f"{trailer}startxref\n{start}\n%%EOF\n".encode())


class _Chunk:
    """One chunk being copied: its objects' new numbers, and those still to write."""

    def __init__(self, out: PdfStream, reader: PdfReader) -> None:
        self.out = out
        self.reader = reader
        self.numbers: dict[int, int] = {}  # the chunk's object numbers → the file's
        self.pending: list[tuple[int, PdfObject]] = []
        self.seen: set[int] = set()
        self.renamed: dict[str, NameObject] = {}  # the chunk's subset names → names unique in the file
        self.pages = list(reader.pages)
        catalog = reader.trailer["/Root"].get_object()
        assert isinstance(catalog, DictionaryObject)
        # anything pointing at the chunk's page tree now points at the file's
        self.numbers[catalog.raw_get("/Pages").idnum] = _PAGES
        for page in self.pages:
            assert page.indirect_reference is not None
            self.numbers[page.indirect_reference.idnum] = out.reserve()

    def copy_page(self, page: DictionaryObject) -> int:
        """Write the page and every object it uses not written yet; returns the page's number."""
        assert page.indirect_reference is not None
        page[NameObject("/Parent")] = IndirectObject(_PAGES, 0, self.reader)
        self.seen.add(id(page))
        for key, value in list(page.items()):
            if key != "/Parent":
                page[key] = self.remap(value)
        number = self.numbers[page.indirect_reference.idnum]
        self.out.write_object(number, page)
        while self.pending:
            n, obj = self.pending.pop()
            self.out.write_object(n, self.remap(obj))
        return number

    def ref(self, old: IndirectObject) -> IndirectObject:
        number = self.numbers.get(old.idnum)
        if number is None:
            number = self.numbers[old.idnum] = self.out.reserve()
            obj = old.get_object()
            assert obj is not None, f"对象 {old.idnum} 不存在"
            self.pending.append((number, obj))
        return IndirectObject(number, 0, self.reader)

    def remap(self, obj: Any) -> Any:
        """The object with every reference renumbered for the file (in place)."""
        if isinstance(obj, IndirectObject):
            return self.ref(obj)
        if id(obj) in self.seen:  # a dictionary shared by two pages is rewritten once
            return obj
        if isinstance(obj, DictionaryObject):
            self.seen.add(id(obj))
            for key, value in list(obj.items()):
                if key in ("/BaseFont", "/FontName") and _SUBSET_TAG.match(value):
                    obj[key] = self.subset_name(value)
                else:
                    obj[key] = self.remap(value)
        elif isinstance(obj, ArrayObject):
            self.seen.add(id(obj))
            for i, value in enumerate(obj):
                obj[i] = self.remap(value)
        return obj

    def subset_name(self, name: str) -> NameObject:
        """Every chunk numbers its font subsets from AAAAAA again: give each subset in the file a tag
        of its own, as the PDF standard asks of different subsets."""
        if name not in self.renamed:
            self.out.subsets += 1
            self.renamed[name] = NameObject(f"/{_tag(self.out.subsets)}{name[8:]}")
        return self.renamed[name]

    def release(self) -> None:
        """The reader and the objects it read point at each other, so they wait for Python's full
        collection, which comes rarely in a big heap: finished chunks would pile up until it did. Let
        go of what is big now — the chunk's bytes and the objects read — and leave a small husk."""
        self.reader.stream.close()
        self.reader.resolved_objects.clear()
        self.reader.flattened_pages = None
        self.pages.clear()
        self.pending.clear()


def _tag(n: int) -> str:
    """Six capital letters, different for each chunk (AAAAAA, AAAAAB, …)."""
    letters = ""
    for _ in range(6):
        n, r = divmod(n, 26)
        letters = chr(ord("A") + r) + letters
    return letters + "+"
