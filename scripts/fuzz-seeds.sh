#!/usr/bin/env bash
# Builds the seed corpora of the fuzz targets from the real data: validation records, the
# dictionaries cut into chunks, lines of the news corpora. Writes OUT/<target>/ (default
# build-fuzz/seeds); nothing of it is committed (the shared data stays out of the repo).
# Usage: scripts/fuzz-seeds.sh [OUT]   (ANNALIST_DATA: the shared data, default ../shared/data)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build-fuzz/seeds}"
data="${ANNALIST_DATA:-$root/../shared/data}"

if [ ! -d "$data" ]; then
  echo "fuzz-seeds: no shared data at $data (set ANNALIST_DATA); seeding from the repo only" >&2
fi
rm -rf "$out"
mkdir -p "$out"

python3 - "$root" "$data" "$out" <<'PY'
import json, os, re, subprocess, sys

root, data, out = sys.argv[1:4]
MAX_SEEDS = 250          # per source file
counts = {}

def put(target, content, name=None):
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogateescape")
    if not content:
        return
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    n = counts.get(target, 0)
    counts[target] = n + 1
    with open(os.path.join(d, name or "seed-%05d" % n), "wb") as f:
        f.write(content)

def path(*p):
    q = os.path.join(data, *p)
    return q if os.path.exists(q) else None

def read(p):
    with open(p, "rb") as f:
        return f.read().decode("utf-8", "surrogateescape")

def chunks(text, lines_per, max_bytes=6000, limit=MAX_SEEDS):
    """Consecutive runs of lines, each at most max_bytes; spread over the file when there
    are more than limit."""
    lines = text.splitlines(keepends=True)
    out_chunks, cur, size = [], [], 0
    for line in lines:
        if cur and (len(cur) >= lines_per or size + len(line) > max_bytes):
            out_chunks.append("".join(cur))
            cur, size = [], 0
        cur.append(line)
        size += len(line)
    if cur:
        out_chunks.append("".join(cur))
    if len(out_chunks) > limit:
        step = len(out_chunks) / limit
        out_chunks = [out_chunks[int(i * step)] for i in range(limit)]
    return out_chunks

def jsonl(p):
    if p.endswith(".zst"):
        raw = subprocess.run(["zstd", "-dc", p], check=True, capture_output=True).stdout
        text = raw.decode("utf-8", "surrogateescape")
    else:
        text = read(p)
    return [l for l in text.splitlines() if l.strip()]

# ---- readers
corpora = [c for c in ("bbc-politics.jsonl.zst", "agnews-world-test.jsonl.zst",
                       "reuters21578.jsonl.zst") if path("corpora", c)]
for c in corpora:
    lines = jsonl(path("corpora", c))[:120]
    for i, line in enumerate(lines):
        doc = json.loads(line)
        text = doc.get("text") or ""
        put("read_text", text[:12000])
        if i % 3 == 0:   # several articles in one file, each after a date line
            put("read_text", "%s\n\n%s\n\n1987-03-02\n%s" % (doc.get("date") or "March 2, 1987",
                                                          text[:3000], text[3000:6000]))
        put("read_jsonl", "\n".join(lines[i:i + 1 + i % 3])[:12000] + "\n")
        put("code_petrarch", text[:3000])
        put("code_annalist", text[:3000])
for f in sorted(os.listdir(os.path.join(root, "examples", "news"))):
    p = os.path.join(root, "examples", "news", f)
    put("read_jsonl" if f.endswith(".jsonl") else "read_text", read(p)[:12000])
for line in jsonl(os.path.join(root, "tests", "golden", "news.jsonl"))[:100]:
    put("read_jsonl", line + "\n")
for line in jsonl(os.path.join(root, "tests", "golden", "news.jsonl")):
    put("code_annalist", json.loads(line).get("text") or "")

for suite in ("tabari-validation", "petrarch-unittest"):
    p = path(suite, suite + ".jsonl")
    if not p:
        continue
    lines = jsonl(p)
    for i in range(0, len(lines), 4):
        put("read_jsonl", "\n".join(lines[i:i + 4]) + "\n")
    for line in lines:
        rec = json.loads(line)
        text = rec.get("text") or ""
        if not text:
            continue
        if suite == "tabari-validation":
            put("code_tabari", text)
        else:
            parse = rec.get("parse")
            put("code_petrarch", text + ("\0" + parse if parse else ""))

p = path("petrarch-unittest", "raw", "PETR.UnitTest.records.xml")
if p:
    xml = read(p)
    sents = re.findall(r"<Sentence\b.*?</Sentence>", xml, re.S)
    for i in range(0, len(sents), 3):
        put("read_xml", '<?xml version="1.0" encoding="UTF-8"?>\n<Sentences>\n' +
            "\n".join(sents[i:i + 3]) + "\n</Sentences>\n")
    put("read_xml", xml[:3000])
p = path("tabari-validation", "raw", "Validate.text")
if p:
    recs = re.split(r"\n\s*\n", read(p))
    for i in range(0, len(recs), 6):
        put("read_tabari", "\n\n".join(recs[i:i + 6]) + "\n\n")

# ---- dictionaries
def dict_seeds(target, files, lines_per):
    for f in files:
        p = path(*f.split("/"))
        if not p:
            continue
        text = read(p)
        if len(text) <= 8000:
            put(target, text)
        for c in chunks(text, lines_per):
            put(target, c)

dict_seeds("dict_tabari_actors", ["tabari-validation/raw/TABARI.Demo.actors"], 30)
dict_seeds("dict_tabari_agents", ["tabari-validation/raw/Validate.agents"], 20)
dict_seeds("dict_tabari_verbs", ["tabari-validation/raw/TABARI.Demo.verbs",
                                 "dictionaries/tabari-cameo/CAMEO.091003.master.verbs"], 50)
dict_seeds("dict_tabari_options", ["tabari-validation/raw/Validate.options",
                                   "dictionaries/tabari-cameo/CAMEO.09b5.options"], 25)
p = path("tabari-validation", "tabari-validation.jsonl")
if p:
    for line in jsonl(p):
        rec = json.loads(line)
        if rec.get("options"):
            put("dict_tabari_options", "\n".join(rec["options"]) + "\n")
dict_seeds("dict_petrarch_actors", ["petrarch-unittest/raw/PETR.Validate.actors.txt",
                                    "dictionaries/petrarch2-phoenix/Phoenix.Countries.actors.txt",
                                    "dictionaries/petrarch2-phoenix/Phoenix.International.actors.txt",
                                    "dictionaries/petrarch2-phoenix/Phoenix.MilNonState.actors.txt"],
           40)
dict_seeds("dict_petrarch_agents", ["petrarch-unittest/raw/PETR.Validate.agents.txt",
                                    "dictionaries/petrarch2-phoenix/Phoenix.agents.txt"], 30)
dict_seeds("dict_petrarch_verbs", ["petrarch-unittest/raw/PETR.Validate.verbs.txt"], 50)
p = path("dictionaries", "petrarch2-phoenix", "CAMEO.2.0.txt")
if p:
    # The target adds the "####### VERB PATTERNS" header itself.
    text = "".join(l for l in read(p).splitlines(keepends=True)
                   if not l.startswith("####### VERB PATTERNS"))
    for c in chunks(text, 60):
        put("dict_petrarch2_verbs", c)
dict_seeds("dict_discards", ["petrarch-unittest/raw/PETR.Validate.discards.txt",
                             "dictionaries/petrarch2-phoenix/Phoenix.discards.txt"], 40)
dict_seeds("dict_issues", ["dictionaries/petrarch2-phoenix/Phoenix.IssueCoding.txt"], 40)

# Query options for the store: a control byte, then actor, source, target, dyad a, dyad b,
# code, root, from, to, document, period and export format, one per line.
for ctl, fields in ((0, ["PAK"]), (1, ["", "", "", "PAK", "IND"]), (2, ["", "", "", "", "", "11"]),
                    (0x1e, ["", "", "", "", "", "", "04", "2026-11", "2026-11-30"]),
                    (0x40, ["", "", "", "", "", "", "", "", "", "d1", "week", "gdelt"]),
                    (0x80, ["", "PAKGOV", "", "", "", "", "", "2025", "", "", "year", "tsv"])):
    put("store_query", bytes([ctl]) + "\n".join(fields).encode())

# Every target gets at least one seed, so libFuzzer never starts from nothing.
for t in ("read_text", "read_jsonl", "read_xml", "read_tabari", "dict_tabari_actors",
          "dict_tabari_agents", "dict_tabari_verbs", "dict_tabari_options",
          "dict_petrarch_actors", "dict_petrarch_agents", "dict_petrarch_verbs",
          "dict_petrarch2_verbs", "dict_discards", "dict_issues", "code_tabari",
          "code_petrarch", "code_annalist", "store_query"):
    if not counts.get(t):
        put(t, "Gondor accused Arnor of crimes.\n")
for t in sorted(counts):
    print("%-22s %5d seeds" % (t, counts[t]))
PY
