#!/usr/bin/env python3
"""gen_cameo_table.py: generates src/coder/cameo_table.c, the CAMEO event-code table compiled into
the library (name, quad class, Goldstein value and PLOVER category of every code), and
an_cameo_lookup(). It reads only the shared cameo_event_codes.tsv; it does not touch dictionaries.

Usage (from the repository root):
    python3 tools/gen_cameo_table.py [TSV] [-o OUT]
TSV defaults to ../shared/data/cameo/cameo_event_codes.tsv and OUT to src/coder/cameo_table.c,
both relative to the repository root; `-o -` writes to standard output. Standard library only.
The output depends only on the TSV's content, so tests/cameo_regen_check.sh can diff it against
the committed file.

The sources disagree in places (see ../shared/data/cameo/README.md). Every disagreement is settled
by an explicit table below, each with its reason; docs/cameo.md explains the same decisions for
readers. The generator stops with an error when the TSV shows a conflict that no table settles
(a new missing Goldstein value, a second PLOVER value, a code without a name), so a change in the
data forces a deliberate decision instead of a silent guess.
"""

import argparse
import csv
import hashlib
import io
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_TSV = os.path.join("..", "shared", "data", "cameo", "cameo_event_codes.tsv")
DEFAULT_OUT = os.path.join("src", "coder", "cameo_table.c")

# --------------------------------------------------------------------------- decisions

# Names. Rule: a code gets its GDELT name (CAMEO 1.1b3 wording as GDELT publishes it; it is the
# list most users of CAMEO data see, and its licence is the plainest), except where listed here.
#
# 101, 105, 106, 107, 108: GDELT's names give these codes other meanings ("Demand information,
# investigation", "Demand mediation", "Demand withdrawal", "Demand ceasefire", "Demand meeting,
# negotiation") than TABARI's CAMEO 0.7b5 labels and CAMEO2PLOVER, which agree with each other.
# Every TABARI and PETRARCH verb dictionary codes by the TABARI meaning, and the children of 101 and
# 105 (1011-1014 "Demand ... cooperation", 1051-1056 "Demand easing of ...") only fit it, so the
# events annalist emits under these codes mean the TABARI label: we use it.
# 1213, 1214: absent from GDELT's lists; only TABARI and CAMEO2PLOVER have them (same wording).
NAME_FROM_TABARI = {
    "101": "Demand material cooperation",
    "105": "Demand that target yields",
    "106": "Demand meeting, negotiation",
    "107": "Demand settling of dispute",
    "108": "Demand mediation",
    "1213": "Reject judicial cooperation",
    "1214": "Reject intelligence cooperation",
}

# Typing slips in GDELT's names, corrected (old text -> new text). The meaning is unchanged; the
# old text is checked so that a corrected upstream file makes the generator say so.
NAME_FIXES = {
    "033": ("Express intent to provide matyerial aid, not specified below",
            "Express intent to provide material aid, not specified below"),
    "0355": ("Express intent allow international involvement (not mediation)",
             "Express intent to allow international involvement (not mediation)"),
    "083": ("Accede to requests or demands for political reform not specified below",
            "Accede to requests or demands for political reform, not specified below"),
    "086": ("Allow international involvement not specified below",
            "Allow international involvement, not specified below"),
    "1245": ("Refuse to allow international involvement (non mediation)",
             "Refuse to allow international involvement (non-mediation)"),
    "183": ("Conduct suicide, car, or other non-military bombing, not spec below",
            "Conduct suicide, car, or other non-military bombing, not specified below"),
    "2041": ("Use chemical, biological, or radiologicalweapons",
             "Use chemical, biological, or radiological weapons"),
}

# Goldstein values for codes GDELT's CAMEO.goldsteinscale.txt does not list (code -> (value,
# reason)). 1213 and 1214 take the value of their parent 121 "Reject material cooperation", -4.0,
# which is also the value of their siblings 1211 and 1212, of 120, 122-124 and of root 12: every
# "reject ... cooperation/aid/reform" code in the scale is -4.0, so no other value is defensible.
# No Goldstein value is left missing, so the table never holds NAN.
GOLDSTEIN_FILL = {
    "1213": ("121", "parent 121 Reject material cooperation; siblings 1211, 1212 agree"),
    "1214": ("121", "parent 121 Reject material cooperation; siblings 1211, 1212 agree"),
}

# PLOVER category. Rule: the event type of the code's own line in CAMEO2PLOVER-2021.txt (for a
# root, its header line), as the TSV carries it, with these decisions:
#
# Roots 01 (MAKE PUBLIC STATEMENT) and 02 (APPEAL) and all their children: "" (no category).
#   CAMEO2PLOVER has no line for any of them: PLOVER has no category for them and its editors
#   left them out of the mapping. A mapping of our own (say 02 -> REQUEST, since 021/023/
#   026 parallel 101/103/106) was considered and rejected: it would put quad-1 appeals into the
#   category that otherwise holds only quad-3 demands, and output would present our guess as PLOVER
#   data. An empty string keeps "this code has no PLOVER category" visible to the caller.
PLOVER_NONE_ROOTS = {"01", "02"}
#
# Root 08 (YIELD): the mapping has two header lines, "08: CONCEDE" and "08: RETREAT", so the TSV
# says "CONCEDE|RETREAT". A code gets one category: 08 takes CONCEDE, the category of 080 "Yield,
# not specified below", which is what the bare root means, and the first header line. Every 3- and
# 4-digit code under 08 has exactly one mapping line and keeps it (0813, 0814 -> RETREAT although
# they sit among CONCEDE codes in CAMEO's numbering; the mapping lists them under RETREAT).
# Value: (expected TSV text, chosen category).
PLOVER_CHOICE = {
    "08": ("CONCEDE|RETREAT", "CONCEDE"),
}
#
# Codes the mapping puts outside their root's category keep the mapping's own value: 163 -> COERCE
# (not SANCTION), 1712 -> ASSAULT (not COERCE), 175 -> ASSAULT (listed twice, same mapping), 191 and
# 192 -> COERCE (not ASSAULT). (201 -> ASSAULT is listed under the 18 header but is in its own
# root's category anyway.) The mapping is deliberate: PLOVER splits CAMEO's roots by what is done,
# not by CAMEO's numbering. They are recorded here so the generator notices if the data changes.
PLOVER_OUTSIDE_ROOT = {
    "163": "COERCE",
    "1712": "ASSAULT",
    "175": "ASSAULT",
    "191": "COERCE",
    "192": "COERCE",
}

PLOVER_CATEGORIES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}

# Quad classes by root (GDELT QuadClass; the CAMEO codebook's grouping).
QUAD_NAMES = {1: "Verbal Cooperation", 2: "Material Cooperation",
              3: "Verbal Conflict", 4: "Material Conflict"}


def quad_of_root(root):
    """The GDELT quad class of a two-digit root: 01-05, 06-09, 10-14, 15-20."""
    r = int(root)
    if 1 <= r <= 5:
        return 1
    if 6 <= r <= 9:
        return 2
    if 10 <= r <= 14:
        return 3
    if 15 <= r <= 20:
        return 4
    raise ValueError("root %s is not a CAMEO root" % root)


# --------------------------------------------------------------------------- reading

REQUIRED_COLUMNS = ["code", "level", "root", "parent", "name_gdelt", "name_cameo2plover",
                    "name_tabari_0.7b5", "goldstein", "quad_class", "plover_event"]


class DataError(Exception):
    pass


def read_rows(data):
    """Parses the TSV bytes into a list of dicts, checking the columns and each code's shape."""
    text = data.decode("utf-8")
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t",
                            quoting=csv.QUOTE_NONE)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise DataError("missing columns: " + ", ".join(missing))
    rows = []
    seen = set()
    for lineno, row in enumerate(reader, start=2):
        code = row["code"].strip()
        where = "line %d (code %r)" % (lineno, code)
        if not re.fullmatch(r"[0-9]{2,4}", code):
            raise DataError(where + ": code is not 2-4 digits")
        if code in seen:
            raise DataError(where + ": duplicate code")
        seen.add(code)
        if row["level"].strip() != str(len(code) - 1):
            raise DataError(where + ": level does not match the code's length")
        if row["root"].strip() != code[:2]:
            raise DataError(where + ": root is not the code's first two digits")
        want_parent = code[:-1] if len(code) > 2 else ""
        if row["parent"].strip() != want_parent:
            raise DataError(where + ": parent is not the code minus its last digit")
        row = {k: (v or "").strip() for k, v in row.items() if k is not None}
        row["code"] = code
        row["_line"] = lineno
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- deciding

def decide(rows):
    """Applies the decisions above; returns sorted (code, name, quad, goldstein, plover) tuples."""
    by_code = {r["code"]: r for r in rows}
    roots = sorted(c for c in by_code if len(c) == 2)
    if roots != ["%02d" % i for i in range(1, 21)]:
        raise DataError("expected the 20 roots 01-20, found: " + " ".join(roots))
    for r in rows:
        if len(r["code"]) > 2 and r["parent"] not in by_code:
            raise DataError("code %s: parent %s is not in the table" % (r["code"], r["parent"]))

    out = []
    for r in rows:
        code = r["code"]
        where = "line %d (code %s)" % (r["_line"], code)

        # Name.
        if code in NAME_FROM_TABARI:
            name = r["name_tabari_0.7b5"]
            if name != NAME_FROM_TABARI[code]:
                raise DataError(where + ": TABARI label is %r, decision expects %r"
                                % (name, NAME_FROM_TABARI[code]))
        elif code in NAME_FIXES:
            old, new = NAME_FIXES[code]
            if r["name_gdelt"] != old:
                raise DataError(where + ": GDELT name is %r, correction expects %r"
                                % (r["name_gdelt"], old))
            name = new
        else:
            name = r["name_gdelt"]
        if not name:
            raise DataError(where + ": no GDELT name and no decision in NAME_FROM_TABARI")

        # Quad class.
        quad = quad_of_root(code[:2])
        if r["quad_class"] != str(quad):
            raise DataError(where + ": quad class %r, root %s is in quad %d"
                            % (r["quad_class"], code[:2], quad))

        # Goldstein value.
        if r["goldstein"]:
            if code in GOLDSTEIN_FILL:
                raise DataError(where + ": has a Goldstein value now; drop its GOLDSTEIN_FILL")
            goldstein = float(r["goldstein"])
        elif code in GOLDSTEIN_FILL:
            src = by_code[GOLDSTEIN_FILL[code][0]]
            if not src["goldstein"]:
                raise DataError(where + ": fill source %s has no value" % src["code"])
            goldstein = float(src["goldstein"])
        else:
            raise DataError(where + ": no Goldstein value and no decision in GOLDSTEIN_FILL")
        if not -10.0 <= goldstein <= 10.0:
            raise DataError(where + ": Goldstein value %r outside -10..10" % goldstein)

        # PLOVER category.
        event = r["plover_event"]
        if code[:2] in PLOVER_NONE_ROOTS:
            if event:
                raise DataError(where + ": PLOVER now maps this code (%r); revisit the decision"
                                % event)
            plover = ""
        elif code in PLOVER_CHOICE:
            expected, plover = PLOVER_CHOICE[code]
            if event != expected:
                raise DataError(where + ": PLOVER %r, decision expects %r" % (event, expected))
        else:
            plover = event
        if code[:2] not in PLOVER_NONE_ROOTS and plover not in PLOVER_CATEGORIES:
            raise DataError(where + ": PLOVER category %r is not one category; decide it"
                            % event)
        out.append((code, name, quad, goldstein, plover))

    # Codes mapped outside their root's category must be exactly the documented ones.
    root_plover = {c: p for (c, _, _, _, p) in out if len(c) == 2}
    outside = {c: p for (c, _, _, _, p) in out
               if len(c) > 2 and p and p != root_plover[c[:2]]
               and not (c[:2] == "08" and p in ("CONCEDE", "RETREAT"))}
    if outside != PLOVER_OUTSIDE_ROOT:
        raise DataError("codes mapped outside their root's PLOVER category changed: %r, "
                        "documented: %r" % (sorted(outside.items()),
                                            sorted(PLOVER_OUTSIDE_ROOT.items())))

    out.sort(key=lambda t: t[0].encode("ascii"))  # strcmp() order
    return out


# --------------------------------------------------------------------------- writing

def c_string(s):
    """A C string literal for s; non-ASCII bytes as three-digit octal escapes."""
    out = ['"']
    for b in s.encode("utf-8"):
        ch = chr(b)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= b < 0x7f:
            out.append(ch)
        else:
            out.append("\\%03o" % b)
    out.append('"')
    return "".join(out)


def c_double(x):
    """A C double literal that reads back as exactly x."""
    s = repr(float(x))
    return s if ("." in s or "e" in s) else s + ".0"


def render(table, digest):
    """The text of cameo_table.c."""
    n_roots = sum(1 for t in table if len(t[0]) == 2)
    n3 = sum(1 for t in table if len(t[0]) == 3)
    n4 = sum(1 for t in table if len(t[0]) == 4)
    lines = []
    w = lines.append
    w("/* cameo_table.c - the CAMEO event-code table (name, quad class, Goldstein value, PLOVER")
    w(" * category of each code) and an_cameo_lookup(); it does not code events.")
    w(" *")
    w(" * GENERATED FILE - DO NOT EDIT. Made by tools/gen_cameo_table.py from cameo_event_codes.tsv")
    w(" * (../shared/data/cameo/, sha256 %s)." % digest[:16])
    w(" * To regenerate, from the repository root:  python3 tools/gen_cameo_table.py")
    w(" * tests/cameo_regen_check.sh fails when this file differs from the generator's output.")
    w(" *")
    w(" * %d codes: %d roots, %d three-digit, %d four-digit. How conflicting sources were settled"
      % (len(table), n_roots, n3, n4))
    w(" * (names of 101 and 105-108, Goldstein values of 1213 and 1214, PLOVER for roots 01, 02 and")
    w(" * 08): docs/cameo.md and the decision tables in the generator.")
    w(" *")
    w(" * Sources: names and Goldstein values from GDELT's CAMEO lookup files (The GDELT Project,")
    w(" * free use with citation); labels of 101, 105-108, 1213, 1214 as in TABARI's CAMEO 0.7b5")
    w(" * codelist (short factual labels only); PLOVER categories from CAMEO2PLOVER-2021.txt,")
    w(" * PLOVER manual Draft 0.8, ed. Philip Schrodt, openeventdata/PLOVER, CC BY-SA 4.0.")
    w(" */")
    w('#include "annalist.h"')
    w("")
    w("#include <stddef.h>")
    w("#include <string.h>")
    w("")
    w("/* The 20 roots (their entries are in the table below) and quad classes:")
    for code, name, quad, _, _ in table:
        if len(code) == 2:
            w(" *   %s %-34s %d %s" % (code, name, quad, QUAD_NAMES[quad]))
    w(" */")
    w("")
    w("/* Every CAMEO code, sorted in strcmp() order so an_cameo_lookup() can binary-search it. */")
    w("static const an_cameo_info cameo_codes[%d] = {" % len(table))
    for code, name, quad, goldstein, plover in table:
        w("    {%s, %s, %d, %s, %s}," % (c_string(code), c_string(name), quad,
                                         c_double(goldstein), c_string(plover)))
    w("};")
    w("")
    w("/* Returns the table entry for code, or NULL when code is NULL or not a CAMEO code. */")
    w("const an_cameo_info *an_cameo_lookup(const char *code)")
    w("{")
    w("    size_t lo = 0, hi = sizeof cameo_codes / sizeof cameo_codes[0];")
    w("")
    w("    if (!code) return NULL;")
    w("    while (lo < hi) {")
    w("        size_t mid = lo + (hi - lo) / 2;")
    w("        int c = strcmp(code, cameo_codes[mid].code);")
    w("        if (c == 0) return &cameo_codes[mid];")
    w("        if (c < 0)")
    w("            hi = mid;")
    w("        else")
    w("            lo = mid + 1;")
    w("    }")
    w("    return NULL;")
    w("}")
    return "\n".join(lines) + "\n"


def main(argv):
    ap = argparse.ArgumentParser(description="Generate src/coder/cameo_table.c from the CAMEO TSV.")
    ap.add_argument("tsv", nargs="?", default=None,
                    help="cameo_event_codes.tsv (default: %s from the repo root)" % DEFAULT_TSV)
    ap.add_argument("-o", "--output", default=None,
                    help="output file, '-' for stdout (default: %s)" % DEFAULT_OUT)
    args = ap.parse_args(argv)

    tsv = args.tsv or os.path.join(REPO_ROOT, DEFAULT_TSV)
    out = args.output or os.path.join(REPO_ROOT, DEFAULT_OUT)
    try:
        with open(tsv, "rb") as f:
            data = f.read()
        table = decide(read_rows(data))
    except OSError as e:
        print("gen_cameo_table: %s" % e, file=sys.stderr)
        return 1
    except (DataError, ValueError) as e:
        print("gen_cameo_table: %s: %s" % (tsv, e), file=sys.stderr)
        return 1

    text = render(table, hashlib.sha256(data).hexdigest())
    if out == "-":
        sys.stdout.write(text)
        return 0
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="ascii", newline="\n") as f:
        f.write(text)
    os.replace(tmp, out)
    print("gen_cameo_table: wrote %s (%d codes)" % (out, len(table)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
