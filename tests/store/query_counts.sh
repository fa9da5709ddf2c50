#!/usr/bin/env bash
# The store's answers checked against counts made independently: python3 reads the events
# `annalist code` prints for the same input and counts by actor prefix, dyad, code, quad,
# dates, periods (both directions), top lists and roll-ups; `annalist query --json` must
# agree. Also: JSONL/TSV export equals `annalist code` output byte for byte.
. "$(dirname "$0")/common.sh"

reuters_head 4000 >"$WORK/in.jsonl"
code "$WORK/in.jsonl" >"$WORK/code.jsonl"
code --output tsv "$WORK/in.jsonl" >"$WORK/code.tsv"
ingest "$WORK/s.db" "$WORK/in.jsonl" >/dev/null || fail "ingest failed"
[ -s "$WORK/code.jsonl" ] || fail "the coder found no events in the input"

"$A" export --db "$WORK/s.db" --format jsonl | cmp -s - "$WORK/code.jsonl" ||
    fail "export --format jsonl differs from annalist code"
"$A" export --db "$WORK/s.db" --format tsv | cmp -s - "$WORK/code.tsv" ||
    fail "export --format tsv differs from annalist code --output tsv"
ok "export jsonl and tsv equal annalist code output"

# GDELT rows: 58 columns, one per roll-up, NumMentions adding up to the events.
"$A" export --db "$WORK/s.db" --format gdelt >"$WORK/gdelt.tsv"
rollups=$(json_field "$("$A" query --db "$WORK/s.db" --summary --json)" rollups)
events=$(wc -l <"$WORK/code.jsonl")
awk -F'\t' -v rollups="$rollups" -v events="$events" '
    NF != 58 { bad++ } { mentions += $32 }
    END { if (bad || NR != rollups || mentions != events) {
              printf "FAIL: gdelt: %d rows of %d (want %d), %d mentions (want %d)\n", bad, NR, rollups, mentions, events
              exit 1 } }' "$WORK/gdelt.tsv" || exit 1
ok "export gdelt: $rollups rows of 58 columns, NumMentions add up to $events events"

python3 - "$A" "$WORK/s.db" "$WORK/code.jsonl" "$WORK/in.jsonl" <<'PY'
import collections, datetime, json, subprocess, sys

A, DB, CODE, INPUT = sys.argv[1:5]
events = [json.loads(l) for l in open(CODE)]
ndocs = sum(1 for _ in open(INPUT))
failures = 0

def q(*args):
    out = subprocess.run([A, "query", "--db", DB, "--json", *args], check=True,
                         capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines()]

def check(name, got, want):
    global failures
    if got != want:
        failures += 1
        print(f"FAIL {name}: store says {got!r}, independent count {want!r}")
    else:
        print(f"ok   {name}")

def close(a, b):
    return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-3)

summary = q("--summary")[0]
check("documents", summary["documents"], ndocs)
check("events", summary["events"], len(events))

pre = lambda v, p: v.startswith(p)
for p in ["USA", "JPN", "GBR", "IRN", "USAGOV", "SUN"]:
    want = sum(1 for e in events if pre(e["source"], p) or pre(e["target"], p))
    check(f"--actor {p}", len(q("--actor", p)), want)
check("--source JPN", len(q("--source", "JPN")), sum(pre(e["source"], "JPN") for e in events))
check("--target USA", len(q("--target", "USA")), sum(pre(e["target"], "USA") for e in events))
check("--dyad USA,JPN", len(q("--dyad", "USA,JPN")),
      sum((pre(e["source"], "USA") and pre(e["target"], "JPN")) or
          (pre(e["source"], "JPN") and pre(e["target"], "USA")) for e in events))
check("--dyad USA>JPN", len(q("--dyad", "USA>JPN")),
      sum(pre(e["source"], "USA") and pre(e["target"], "JPN") for e in events))
check("--code 04", len(q("--code", "04")), sum(pre(e["code"], "04") for e in events))
check("--code 042", len(q("--code", "042")), sum(pre(e["code"], "042") for e in events))
check("--root 11", len(q("--root", "11")), sum(e["root"] == "11" for e in events))
check("--quad 3,4", len(q("--quad", "3,4")), sum(e["quad"] in (3, 4) for e in events))
check("--from 1987-03 --to 1987-03", len(q("--from", "1987-03", "--to", "1987-03")),
      sum((e["date"] or "").startswith("1987-03") for e in events))
check("--actor USA --quad 1 --from 1987-03-05 --to 1987-03-20",
      len(q("--actor", "USA", "--quad", "1", "--from", "1987-03-05", "--to", "1987-03-20")),
      sum((pre(e["source"], "USA") or pre(e["target"], "USA")) and e["quad"] == 1 and
          "1987-03-05" <= (e["date"] or "") <= "1987-03-20" for e in events))
some_doc = events[len(events) // 2]["doc"]
check("--doc", len(q("--doc", some_doc)), sum(e["doc"] == some_doc for e in events))
check("--limit 7", len(q("--limit", "7")), min(7, len(events)))

def period(d, kind):
    if kind == "month": return d[:7]
    if kind == "year": return d[:4]
    if kind == "week":
        day = datetime.date.fromisoformat(d)
        return (day - datetime.timedelta(days=day.weekday())).isoformat()
    return d

def series(kind, dirs):
    """dirs: list of (label source, label target, predicate)."""
    rows = collections.OrderedDict()
    for e in events:
        if not e["date"]: continue
        for i, (ls, lt, f) in enumerate(dirs):
            if not f(e): continue
            key = (period(e["date"], kind), i)
            r = rows.setdefault(key, {"period": key[0], "source": ls, "target": lt, "events": 0,
                                      "quad1": 0, "quad2": 0, "quad3": 0, "quad4": 0, "g": []})
            r["events"] += 1
            if 1 <= e["quad"] <= 4: r["quad%d" % e["quad"]] += 1
            if e["goldstein"] is not None: r["g"].append(e["goldstein"])
    out = []
    for key in sorted(rows):
        r = rows[key]
        g = r.pop("g")
        r["goldstein_sum"] = round(sum(g), 1)
        r["goldstein_mean"] = sum(g) / len(g) if g else None
        out.append(r)
    return out

def check_series(name, got, want):
    ok = len(got) == len(want) and all(
        all(g[k] == w[k] for k in ("period", "source", "target", "events", "quad1", "quad2",
                                    "quad3", "quad4")) and
        abs(g["goldstein_sum"] - w["goldstein_sum"]) < 0.051 and
        close(g["goldstein_mean"], w["goldstein_mean"]) for g, w in zip(got, want))
    check(name, "same" if ok else f"{len(got)} rows: {got[:3]}", "same" if ok else f"{len(want)} rows: {want[:3]}")

check_series("--series month --dyad USA,JPN", q("--series", "month", "--dyad", "USA,JPN"),
             series("month", [("USA", "JPN", lambda e: pre(e["source"], "USA") and pre(e["target"], "JPN")),
                              ("JPN", "USA", lambda e: pre(e["source"], "JPN") and pre(e["target"], "USA"))]))
check_series("--series week", q("--series", "week"), series("week", [("*", "*", lambda e: True)]))
check_series("--series day --actor IRN", q("--series", "day", "--actor", "IRN"),
             series("day", [("IRN", "*", lambda e: pre(e["source"], "IRN")),
                            ("*", "IRN", lambda e: pre(e["target"], "IRN"))]))
check_series("--series year --quad 4", q("--series", "year", "--quad", "4"),
             series("year", [("*", "*", lambda e: e["quad"] == 4)]))

dyads = collections.Counter((e["source"][:3], e["target"][:3]) for e in events)
got = {(r["source"], r["target"]): r["events"] for r in q("--top-dyads", "--prefix", "3", "--limit", "0")}
check("--top-dyads --prefix 3 (all)", got, dict(dyads))
top5 = q("--top-dyads", "--prefix", "3", "--limit", "5")
want5 = sorted(dyads.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
check("--top-dyads --prefix 3 --limit 5", [((r["source"], r["target"]), r["events"]) for r in top5], want5)

actors = collections.defaultdict(lambda: [0, 0, 0])
for e in events:
    s, t = e["source"], e["target"]
    for a in {s, t}:
        actors[a][0] += 1
    actors[s][1] += 1
    actors[t][2] += 1
got = {r["actor"]: [r["events"], r["as_source"], r["as_target"]] for r in q("--top-actors", "--limit", "0")}
check("--top-actors (all)", got, {k: v for k, v in actors.items()})

groups = collections.defaultdict(list)
for e in events:
    groups[(e["date"] or "", e["source"], e["target"], e["code"])].append(e)
rows = q("--one-a-day")
check("--one-a-day rows", len(rows), len(groups))
got = {(r["date"] or "", r["source"], r["target"], r["code"]): (r["mentions"], r["sentences"], r["documents"]) for r in rows}
want = {k: (len(v), len({(e["doc"], e["sent"]) for e in v}), len({e["doc"] for e in v})) for k, v in groups.items()}
check("roll-up mentions, sentences, documents", got, want)
months = collections.Counter(k[0][:7] for k in groups if k[0])
got = {r["period"]: r["events"] for r in q("--one-a-day", "--series", "month")}
check("--one-a-day --series month", got, dict(months))
got = {r["period"]: r["events"] for r in q("--series", "month")}
check("--series month", got, dict(collections.Counter(e["date"][:7] for e in events if e["date"])))
sys.exit(1 if failures else 0)
PY
