"""A printed PDF's pages as PNG images, drawn by poppler's ``pdftoppm`` (a system dependency, see
``./dev setup``): the preview shows them and the print path paints them onto the printer. Qt's own
PDF module ships only in the large PySide6-Addons wheel, which the project does not install.

No Qt here: the caller gets file paths and owns the folder they are in.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT_S = 120.0  # a long batch at 300 dpi still finishes well within this
_PAGE = re.compile(r"-(\d+)\.png$")


class RasterError(Exception):
    """The pages could not be drawn (pdftoppm missing, failing, or too slow); the message says which."""


def pdftoppm() -> str | None:
    """The pdftoppm to run: ``$CHC_PDFTOPPM`` when set (a packaged build), else the one on PATH."""
    override = os.environ.get("CHC_PDFTOPPM")
    if override:
        return override if Path(override).is_file() else None
    return shutil.which("pdftoppm")


def page_images(
    pdf: Path,
    dpi: int,
    folder: Path | None = None,
    *,
    gray: bool = False,
    timeout: float = TIMEOUT_S,
) -> list[Path]:
    """Every page of ``pdf`` as a PNG at ``dpi``, in page order, in ``folder`` (a new temporary folder
    when None; the caller removes it). Raises RasterError with a message fit for the user."""
    program = pdftoppm()
    if program is None:
        raise RasterError("找不到 pdftoppm（poppler-utils），无法显示或打印页面；请安装 poppler-utils 后重试")
    if not pdf.is_file():
        raise RasterError(f"找不到要显示的文件：{pdf.name}")
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="chc-pages-"))
    folder.mkdir(parents=True, exist_ok=True)
    stem = "page"
    command = [program, "-r", str(int(dpi)), "-png"]
    if gray:
        command.append("-gray")
    command += [str(pdf), str(folder / stem)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise RasterError(f"生成页面图像超时（超过 {timeout:g} 秒）") from None
    except OSError as exc:
        raise RasterError(f"无法运行 pdftoppm：{exc.strerror or exc}") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RasterError("pdftoppm 未能生成页面图像" + (f"：{detail[-1]}" if detail else ""))
    pages = []
    for path in folder.glob(f"{stem}-*.png"):
        found = _PAGE.search(path.name)
        if found:
            pages.append((int(found.group(1)), path))
    if not pages:
        raise RasterError("pdftoppm 没有生成任何页面")
    return [path for _n, path in sorted(pages)]
