"""How the app looks: the fonts of the Gradio theme and the CSS of the ``rq-*`` classes the HTML helpers emit."""

# local fonts only: a Google font in the theme would make every browser fetch it from outside
FONT_STACK = ["WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "system-ui", "sans-serif"]
MONO_STACK = ["WenQuanYi Micro Hei Mono", "Noto Sans Mono CJK SC", "ui-monospace", "monospace"]

CSS = """
.rq-header h1 { margin-bottom: 0.1em; }
.rq-status { color: var(--body-text-color-subdued); font-size: 0.9em; }
.rq-src, .rq-sec { margin: 0.4em 0; }
.rq-src summary, .rq-sec summary { cursor: pointer; font-weight: 600; }
.rq-table { border-collapse: collapse; margin: 0.4em 0 1em 0; font-size: 0.92em; }
.rq-table caption { text-align: left; font-weight: 600; padding: 4px 0; }
.rq-table th, .rq-table td { border: 1px solid var(--border-color-primary); padding: 2px 8px; text-align: left; }
.rq-table td.rq-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.rq-table tr.rq-hit td { background: #fff3b0; color: #111; font-weight: 600; }
.rq-table tr.rq-warnrow td { background: #ffe1e1; color: #111; }
.rq-na { color: #888; }
.rq-warn { border-left: 4px solid #d33; background: #fff0f0; color: #611; padding: 6px 10px; margin: 8px 0; }
.rq-ok { border-left: 4px solid #3a3; background: #f0fff0; color: #141; padding: 6px 10px; margin: 8px 0; }
.rq-error { border-left: 4px solid #d33; background: #fff0f0; color: #611; padding: 6px 10px; }
.rq-passage { margin: 0.3em 0 0.6em 0; padding-left: 8px; border-left: 3px solid var(--border-color-primary); }
.rq-meta { color: var(--body-text-color-subdued); font-size: 0.88em; }
.rq-text { white-space: pre-wrap; }
mark { background: #ffe066; color: #111; padding: 0 1px; }
.rq-example-row button { font-size: 0.9em; }
"""
