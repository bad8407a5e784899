"""The 上传 tab: staff add reports to the running index, only with ``REPORTQA_ADMIN_TOKEN``.

Uploads are copied under their own (sanitised) names into a temporary folder and ingested together; a file that fails
is reported by its name, and the files that parse are still indexed."""

from __future__ import annotations

import hmac
import logging
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from ..engine import IngestResult
from .base import BaseHandlers
from .rendering import esc, refusal_html

log = logging.getLogger(__name__)

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".docx", ".pdf")
UPLOAD_DISABLED = ("上传功能未启用：请设置环境变量 REPORTQA_ADMIN_TOKEN（管理口令）后重新启动应用。"
                   "Upload is disabled: set REPORTQA_ADMIN_TOKEN to a secret token and restart the app.")
UPLOAD_REFUSED = "口令不正确，未接受任何文件。Wrong token: nothing was accepted."
# Gradio gives a handler a progress tracker when a parameter's default value is a gr.Progress instance; one made here
# is the same single instance a default written in the signature would be.
UPLOAD_PROGRESS = gr.Progress()


def token_ok(given: str | None, expected: str) -> bool:
    """Upload is allowed only when a token is configured and the given one matches it (constant-time)."""
    if not expected:
        return False
    return hmac.compare_digest((given or "").encode("utf-8"), expected.encode("utf-8"))


def safe_upload_name(name: str) -> str:
    """The file's own name without folders or control characters, at most 180 characters, its extension kept."""
    base = Path(str(name).replace("\\", "/")).name
    base = re.sub(r"[\x00-\x1f]", "", base).strip() or "upload"
    if len(base) <= 180:
        return base
    suffix = Path(base).suffix if len(Path(base).suffix) <= 10 else ""
    return base[: 180 - len(suffix)] + suffix


def stage_uploads(paths: Sequence[Path], folder: Path) -> tuple[list[Path], dict[str, str]]:
    """Copy uploads into ``folder`` under their own names (one sub-folder each); refuse unsupported types by name."""
    staged: list[Path] = []
    rejected: dict[str, str] = {}
    for i, path in enumerate(paths):
        name = safe_upload_name(path.name)
        if Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
            rejected[name] = f"不支持的文件类型 unsupported file type {Path(name).suffix or '(none)'}"
            continue
        target = folder / str(i) / name
        target.parent.mkdir(parents=True)
        shutil.copyfile(path, target)
        staged.append(target)
    return staged, rejected


def ingest_result_html(result: IngestResult, rejected: dict[str, str], names: Sequence[str],
                       counts: dict[str, int], recognised: dict[str, str] | None = None) -> str:
    """Per file: added (and what it was recognised as), unchanged, or the error; its parse warnings."""
    recognised = recognised or {}
    errors = {**rejected, **result.errors}
    rows = []
    for name in dict.fromkeys(names):  # a file chosen twice in one upload is one file, shown once
        if name in errors:
            status, detail, cls = "错误 error", esc(errors[name]), "rq-warnrow"
        elif name in result.added:
            status, detail, cls = "已加入 added", esc(recognised.get(name, "")), ""
        elif name in result.unchanged:
            status, detail, cls = "未变 unchanged (already indexed)", "", ""
        else:
            status, detail, cls = "?", "", ""
        warnings = result.warnings.get(name, [])
        if warnings:
            detail += "<ul>" + "".join(f"<li>{esc(w)}</li>" for w in warnings) + "</ul>"
            status += f" · 警告 {len(warnings)} warnings"
        rows.append(f'<tr class="{cls}"><td>{esc(name)}</td><td>{esc(status)}</td><td>{detail}</td></tr>')
    summary = (f"新增 added {len(result.added)} · 未变 unchanged {len(result.unchanged)} · 错误 errors {len(errors)}。"
               f"索引现有 {counts.get('reports', 0)} 份报告、{counts.get('passages', 0)} 个段落、"
               f"{counts.get('facts', 0)} 个数字。")
    box = "rq-warn" if errors else "rq-ok"
    return (f'<div class="{box}">{esc(summary)}</div><table class="rq-table"><thead><tr><th>文件 File</th>'
            f'<th>结果 Result</th><th>警告与错误 Warnings / errors</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


class UploadHandlers(BaseHandlers):
    """The 上传 tab's handlers."""

    def upload(self, token: str | None, files: Sequence[Any] | None, agency: str | None, year: str | None,
               progress: gr.Progress = UPLOAD_PROGRESS) -> str:
        admin = self.engine.settings.admin_token
        if not admin:
            return refusal_html(UPLOAD_DISABLED)
        if not token_ok(token, admin):
            log.warning("upload refused: wrong token")
            return refusal_html(UPLOAD_REFUSED)
        paths = [Path(getattr(f, "name", f)) for f in (files or [])]
        if not paths:
            return refusal_html("请选择要上传的文件。Choose files to upload.")
        year_text = (year or "").strip()
        if year_text and not year_text.isdigit():
            return refusal_html(f"年度应为数字：{year_text}。The year must be a number.")
        with tempfile.TemporaryDirectory(prefix="reportqa-upload-") as tmp:
            staged, rejected = stage_uploads(paths, Path(tmp))
            progress(0.0, desc="开始 starting")
            result = self.ingest_staged(staged, (agency or "").strip() or None, int(year_text) if year_text else None,
                                        lambda fraction, message: progress(fraction, desc=message))
        log.info("upload: added %s, unchanged %s, errors %s", result.added, result.unchanged,
                 {**rejected, **result.errors})
        names = [safe_upload_name(p.name) for p in paths]
        recognised = {Path(r.source).name: (f"识别为 recognised as：{r.agency} {r.year or ''}年 · {r.title}"
                                            if r.agency else
                                            f"识别为 recognised as：《{r.title}》（发布机关未识别 agency unknown）")
                      for r in self.reports() if Path(r.source).name in result.added}
        return ingest_result_html(result, rejected, names, self.engine.store.counts(), recognised)

    def ingest_staged(self, staged: Sequence[Path], agency: str | None, year: int | None,
                      progress: Callable[[float, str], None]) -> IngestResult:
        """All files in one ingest (one index rebuild); should that fail unexpectedly, file by file, so the error is
        reported by file name and the files that parse are still indexed."""
        if not staged:
            return IngestResult()
        if self.engine.settings.ingest_in_worker:  # the worker reports each file; a crash of its own names them all
            return self.engine.ingest_in_worker(staged, agency=agency, year=year, progress=progress)
        known = {r.source for r in self.reports()}
        try:
            return self.engine.ingest(staged, agency=agency, year=year, progress=progress)
        except Exception:  # noqa: BLE001 — a parser bug on one file must not hide the others
            log.exception("ingesting %d uploads failed; retrying one file at a time", len(staged))
        merged = IngestResult()
        for i, path in enumerate(staged):
            progress(i / len(staged), f"{path.name}")
            try:
                one = self.engine.ingest([path], agency=agency, year=year)
            except Exception as exc:  # noqa: BLE001
                log.exception("ingesting %s failed", path.name)
                merged.errors[path.name] = f"{type(exc).__name__}: {exc}"
                continue
            merged.added += one.added + [n for n in one.unchanged if n not in known]  # added before the failure
            merged.unchanged += [n for n in one.unchanged if n in known]
            merged.errors.update(one.errors)
            merged.warnings.update(one.warnings)
            merged.encoded_passages += one.encoded_passages
        progress(1.0, "完成")
        return merged


@dataclass
class UploadTab:
    """The 上传 tab's components that events read or update."""

    token: gr.Textbox
    u_agency: gr.Textbox
    u_year: gr.Textbox
    files: gr.File
    upload_button: gr.Button
    upload_result: gr.HTML


def build_upload_tab(h: BaseHandlers) -> UploadTab:
    upload_enabled = bool(h.engine.settings.admin_token)
    with gr.Tab("上传 · Upload", id="upload", elem_id="tab-upload"):
        gr.Markdown("**工作人员专用 · Staff only.** 支持 .txt .md .html .docx .pdf；新报告解析后加入索引，"
                    "解析失败的文件按文件名报告，不影响现有索引。Files that fail are reported by name; the "
                    "running index is never broken.")
        if not upload_enabled:
            gr.HTML(refusal_html(UPLOAD_DISABLED), elem_id="upload-disabled")
        with gr.Row():
            token = gr.Textbox(label="管理口令 Admin token", type="password", interactive=upload_enabled,
                               elem_id="upload-token", scale=2)
            u_agency = gr.Textbox(label="发布机关（可选，覆盖识别结果）Agency override", elem_id="upload-agency",
                                  interactive=upload_enabled, scale=2)
            u_year = gr.Textbox(label="年度（可选）Year override", elem_id="upload-year",
                                interactive=upload_enabled, scale=1)
        files = gr.File(label="报告文件 Report files", file_count="multiple", file_types=list(UPLOAD_SUFFIXES),
                        interactive=upload_enabled, elem_id="upload-files")
        upload_button = gr.Button("上传并索引 Upload and index", variant="primary",
                                  interactive=upload_enabled, elem_id="upload-button")
        upload_result = gr.HTML(elem_id="upload-result")
    return UploadTab(token, u_agency, u_year, files, upload_button, upload_result)


def wire_upload_tab(h: UploadHandlers, tab: UploadTab) -> Any:
    """The upload event, for the caller to chain what an upload changes elsewhere (``.then``)."""
    return tab.upload_button.click(h.upload, [tab.token, tab.files, tab.u_agency, tab.u_year], [tab.upload_result],
                                   concurrency_id="upload", api_name="upload")
