"""Long batches are written chunk by chunk (printing/stream.py): the file is one valid PDF with every
page in order, each chunk's font subset under its own name, memory that does not grow with the
batch, and nothing left behind when a batch is cancelled or refused part way."""

from __future__ import annotations

import gc
import subprocess
import threading
import tracemalloc
import uuid
from pathlib import Path

import pytest
from pypdf import PdfReader

from chc_desktop.printing import render as render_module
from chc_desktop.printing.render import Document, render
from chc_desktop.printing.template import load
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from tests.printing.pdf_helpers import embedded_fonts, ink, pdf_text, to_png
from tests.printing.test_engine import BODY, FIELDS, write
from tests.services.helpers import draft, id_number


def contexts(n: int) -> list[dict[str, object]]:
    # different characters per record, so later chunks need glyphs earlier ones did not
    return [
        {"resident": {"name": f"居民{i:04d}号{chr(0x4E00 + 37 * i)}", "note": "备注" * (i % 7)}}
        for i in range(n)
    ]


def test_a_batch_longer_than_a_chunk_is_one_pdf_with_every_page_in_order(tmp_path: Path) -> None:
    t = load(write(tmp_path, BODY), FIELDS | {"resident.day"})
    out = tmp_path / "batch.pdf"
    result = Document(t, out, title="测试批量", chunk_pages=4)
    for context in contexts(11):
        result.add(context)
    assert result.close().pages == 11
    reader = PdfReader(out, strict=True)
    assert len(reader.pages) == 11 and reader.metadata is not None and reader.metadata.title == "测试批量"
    pages = pdf_text(out)
    for i, text in enumerate(pages):
        assert f"居民{i:04d}号{chr(0x4E00 + 37 * i)}" in text and "第 1 页 共 1 页" in text
    fonts = embedded_fonts(out)
    assert len(fonts) == 3 and all(f.endswith("+WenQuanYiMicroHei") for f in fonts)  # a subset a chunk
    pngs = to_png(out, tmp_path / "png", dpi=30)
    assert len(pngs) == 11 and all(ink(p) > 0.005 for p in pngs)


def _subset_names(path: Path) -> dict[int, str]:
    """Each embedded font object's number and its BaseFont."""
    names: dict[int, str] = {}
    for page in PdfReader(path).pages:
        for ref in page["/Resources"].get_object()["/Font"].get_object().values():
            names[ref.idnum] = str(ref.get_object()["/BaseFont"])
    return names


def test_every_subset_in_the_file_has_a_name_of_its_own(tmp_path: Path) -> None:
    t = load(write(tmp_path, BODY), FIELDS | {"resident.day"})
    out = tmp_path / "glyphs.pdf"
    document = Document(t, out, chunk_pages=2)
    for i in range(5):  # 300 different characters a record: two subsets (of 256 glyphs) in each chunk
        document.add({"resident": {"note": "".join(chr(0x4E00 + 300 * i + k) for k in range(300))}})
    document.close()
    names = _subset_names(out)
    assert len(names) >= 6 and len(set(names.values())) == len(names)
    assert (
        len(pdf_text(out)) == 5
        and not subprocess.run(
            ["pdftoppm", "-r", "20", "-png", str(out), str(tmp_path / "g")], capture_output=True, check=True
        ).stderr
    )


def test_the_streamed_file_matches_the_one_document_page_for_page(tmp_path: Path) -> None:
    t = load(write(tmp_path, BODY), FIELDS | {"resident.day"})
    whole, streamed = tmp_path / "whole.pdf", tmp_path / "streamed.pdf"
    render(t, contexts(9), whole)
    document = Document(t, streamed, chunk_pages=2)
    for context in contexts(9):
        document.add(context)
    document.close()
    assert pdf_text(whole) == pdf_text(streamed)
    boxes = [p.mediabox for p in PdfReader(whole).pages], [p.mediabox for p in PdfReader(streamed).pages]
    assert boxes[0] == boxes[1]


def _held_bytes(tmp_path: Path, chunk_pages: int) -> tuple[int, int]:
    """Memory held after 20 and after 80 records (both at a chunk's end)."""
    t = load(write(tmp_path, BODY), FIELDS | {"resident.day"})
    batch = contexts(80)
    held: list[int] = []
    gc.collect()
    gc.disable()  # a finished chunk must be freed at once, not whenever the cycle collector runs
    tracemalloc.start()
    try:
        document = Document(t, tmp_path / "held.pdf", chunk_pages=chunk_pages)
        for i, context in enumerate(batch, 1):
            document.add(context)
            if i in (20, 80):
                held.append(tracemalloc.get_traced_memory()[0])
        document.close()
    finally:
        tracemalloc.stop()
        gc.enable()
    return held[0], held[1]


def test_memory_holds_one_chunk_whatever_the_batch_length(tmp_path: Path) -> None:
    after_20, after_80 = _held_bytes(tmp_path, chunk_pages=10)
    # what stays of each finished chunk of 10 pages is its offsets and a small husk of the reader
    # (about 12 kB) until the cycle collector runs; its pages (about 60 kB) are gone
    assert after_80 - after_20 < 150 * 1000
    # the check can fail: one document holds every page
    one_20, one_80 = _held_bytes(tmp_path, chunk_pages=1000)
    assert one_80 - one_20 > 250 * 1000


# ---------------------------------------------------------------------- the service
@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render_module, "CHUNK_PAGES", 2)


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """Where the PDFs go (the test database lives in tmp_path itself)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _residents(services: Services, n: int) -> list[uuid.UUID]:
    return [
        services.residents.file(
            draft(services, name="张" + "一二三四五六七八"[i], id_number=id_number(seq=f"{i:03d}"))
        ).id
        for i in range(n)
    ]


def test_a_batch_cancelled_after_chunks_were_written_leaves_no_file(
    doctor: Services, small_chunks: None, out_dir: Path
) -> None:
    ids = _residents(doctor, 6)
    assert len(ids) == 6
    cancel = threading.Event()

    def progress(done: int, total: int) -> None:
        if done == 5:  # two chunks are in the file by now
            cancel.set()

    out = out_dir / "covers.pdf"
    result = doctor.printing.print_to("basic_info", ids, out, progress=progress, cancelled=cancel)
    assert result.cancelled and result.path is None
    assert list(out_dir.iterdir()) == []


def test_a_record_refused_part_way_leaves_no_file(
    doctor: Services, small_chunks: None, out_dir: Path
) -> None:
    ids = _residents(doctor, 5)
    missing = uuid.uuid4()
    with pytest.raises(ServiceError):
        doctor.printing.print_to("basic_info", [*ids, missing], out_dir / "covers.pdf")
    assert list(out_dir.iterdir()) == []


def test_a_streamed_batch_prints_every_record_once(
    doctor: Services, small_chunks: None, out_dir: Path
) -> None:
    ids = _residents(doctor, 5)
    out = out_dir / "covers.pdf"
    seen: list[tuple[int, int]] = []
    result = doctor.printing.print_to("basic_info", ids, out, progress=lambda d, t: seen.append((d, t)))
    assert result.records == 5 and result.pages == len(PdfReader(out).pages) == 5
    assert seen == [(i, 6) for i in range(1, 7)]  # each record, then the file written
    assert [p.name for p in out_dir.iterdir()] == ["covers.pdf"]
