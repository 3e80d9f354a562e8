"""Render nbs/index.ipynb to README.md (markdown cells as they are, code cells as fenced Python).

nbdev-readme needs Quarto, which the project does not require; this keeps README.md generated from the
notebook all the same. `--check` exits 1 when README.md is out of date. `--quickstart N` prints the N-th shell
command of README.md's Quickstart section as a reader sees it (CI runs the commands from there, not from a copy).
"""
import json, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent

def render(nb_path=root/"nbs"/"index.ipynb") -> str:
    parts = []
    for c in json.loads(nb_path.read_text())["cells"]:
        src = "".join(c["source"]).strip()
        if not src or src.startswith("#| hide"): continue
        if c["cell_type"] == "markdown" and src.startswith("<!-- summary"):
            res = root/"nbs"/"results"/"summary.md"  # the answer: `python -m gpt_attentions.pages` writes it
            parts.append(res.read_text().strip() if res.is_file() else "## The answer\n\nNo kept results yet.")
        elif c["cell_type"] == "markdown": parts.append(src)
        elif c["cell_type"] == "code":
            lines = [l for l in src.splitlines() if not l.startswith("#|")]
            if lines: parts.append("```python\n" + "\n".join(lines) + "\n```")
    return "<!-- generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file -->\n\n" + "\n\n".join(parts) + "\n"

def quickstart(n:int, readme=root/"README.md") -> str:
    "The n-th (1-based) fenced sh block of the Quickstart section of `readme`."
    section = readme.read_text().split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)\n```", section, re.S)
    if not 1 <= n <= len(blocks): sys.exit(f"README.md's Quickstart has {len(blocks)} sh blocks, not {n}")
    return blocks[n - 1].strip()

if __name__ == "__main__":
    if "--quickstart" in sys.argv:
        print(quickstart(int(sys.argv[sys.argv.index("--quickstart") + 1]))); sys.exit()
    text, dest = render(), root/"README.md"
    if "--check" in sys.argv:
        if not dest.is_file() or dest.read_text() != text:
            sys.exit("README.md is out of date with nbs/index.ipynb: run `python .ci/readme.py`")
    else: dest.write_text(text)
