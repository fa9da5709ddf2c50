#!/usr/bin/env python3
"""dict_counts.py - counts the entries of every dictionary file under the shared data folder with
its own simple reading of the formats, and compares them with `annalist dict stats --json FILE`.

    python3 tests/dict_counts.py path/to/annalist path/to/shared/data

Each file is loaded on its own. The counts follow the format rules as docs/dictionaries.md and
the loaders' header comments state them (src/dict/petrarch_*.c, tabari_*.c); where annalist
legitimately loads less than the file holds, the difference is computed here explicitly:
duplicate phrases (the first wins), malformed entries (each one is a "problem"), codeless
PETRARCH head lines joined to the next entry, generated forms that repeat a written one. The
irregular English verbs and nouns are read from the table in src/dict/inflect.c (facts, not
logic); the inflection rules are re-implemented here.

Output: one line per file, then "N passed, M failed"; exit status 1 when any count differs.
Standard library only.
"""

import datetime
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "..", "src", "dict", "inflect.c")

# ---------------------------------------------------------------- inflection tables and rules


def load_tables():
    text = open(SRC, encoding="utf-8").read()

    def block(name):
        start = text.index(name)
        return text[start:text.index("};", start)]

    verbs = {}
    for m in re.finditer(r'\{"([a-z]+)", "([a-z/]+)", "([a-z/]+)", "([a-z/]+)", "([a-z/]+)"\}',
                         block("verb_table[]")):
        verbs[m.group(1)] = m.groups()[1:]
    nouns = dict(re.findall(r'\{"([a-z]+)", "([a-z/]+)"\}', block("noun_table[]")))
    man = re.findall(r'"([a-z]+)"', block("man_exceptions[]"))
    assert len(verbs) >= 200 and len(nouns) >= 50 and man, "cannot read inflect.c tables"
    return verbs, nouns, man


IRR_VERBS, IRR_NOUNS, MAN_EXCEPTIONS = load_tables()
INFLECT_MAX = 64


def vowel(c):
    return c.lower() in "aeiou"


def case_as(word, out):
    """inflect.c writes every character in upper case when the word's letters are all upper."""
    letters = [c for c in word if c.isalpha() and c.isascii()]
    upper = bool(letters) and not any(c.islower() for c in word if c.isascii())
    return "".join(c.upper() if c.isascii() else c for c in out) if upper else \
        "".join(c.lower() if c.isascii() else c for c in out)


def doubles(w):
    n = len(w)
    if n < 2:
        return False
    last, prev = w[-1].lower(), w[-2]
    if vowel(last) or last in "wxy" or not vowel(prev):
        return False
    if n >= 3 and vowel(w[-3]) and not (w[-3].lower() == "u" and n >= 4 and w[-4].lower() == "q"):
        return False
    groups, inside = 0, False
    for i, c in enumerate(w):
        v = vowel(c) or (i > 0 and c.lower() == "y" and not vowel(w[i - 1]))
        if v and c.lower() == "u" and i > 0 and w[i - 1].lower() == "q":
            v = False
        if v and not inside:
            groups += 1
        inside = v
    return groups == 1


def english_regular_verb(b):
    """(third, past, ing) by the English regular rule, or None."""
    n = len(b)
    if n == 0 or n + 4 >= INFLECT_MAX:
        return None
    last, prev = b[-1].lower(), (b[-2].lower() if n >= 2 else "")
    if last == "y" and n >= 2 and not vowel(prev):
        third = b[:-1] + "ies"
    elif last in "sxz" or (last == "o" and not vowel(prev)) or (last == "h" and prev in ("s", "c")):
        third = b + "es"
    else:
        third = b + "s"
    dbl = doubles(b)
    if last == "e":
        past = b + "d"
    elif last == "y" and n >= 2 and not vowel(prev):
        past = b[:-1] + "ied"
    else:
        past = b + (b[-1] if dbl else "") + "ed"
    if last == "e" and prev == "i":
        ing = b[:-2] + "ying"
    elif last == "e" and n > 2 and not vowel(prev) and prev != "y":
        ing = b[:-1] + "ing"
    else:
        ing = b + (b[-1] if dbl else "") + "ing"
    return tuple(case_as(b, x) for x in (third, past, ing))


def irregular_forms(b):
    row = IRR_VERBS.get(b.lower())
    if not row:
        return []
    out = []
    for field in row:
        for alt in field.split("/"):
            f = case_as(b, alt)
            if f.lower() != b.lower() and f not in out:
                out.append(f)
    return out


def english_verb_forms(b):
    """The English forms the PETRARCH loaders add: the table row, else the regular rule."""
    if b.lower() in IRR_VERBS:
        return irregular_forms(b)
    r = english_regular_verb(b)
    return list(r) if r else []


def petrarch_verb(b, version):
    n = len(b)
    if n == 0 or n + 4 >= INFLECT_MAX:
        return []
    last = b[-1].lower()
    if version == 2 and last == "y":
        third = b[:-1] + "ies"
    else:
        third = b + ("es" if version == 2 and last in "sxz" else "s")
    past = b + ("d" if last == "e" else "ed")
    drop = last == "e" and (version == 1 or (n >= 2 and not vowel(b[-2])))
    ing = (b[:-1] if drop else b) + "ing"
    return [case_as(b, x) for x in (third, past, ing)]


def english_noun_plurals(w):
    n = len(w)
    if n == 0 or n + 3 >= INFLECT_MAX:
        return []
    row = IRR_NOUNS.get(w.lower())
    if row:
        return [case_as(w, x) for x in row.split("/")]
    last, prev = w[-1].lower(), (w[-2].lower() if n >= 2 else "")
    lw = w.lower()
    if lw.endswith("man") and (lw.endswith("woman") or not any(lw.endswith(x) for x in MAN_EXCEPTIONS)):
        out = w[:-3] + "men"
    elif last == "y" and n >= 2 and not vowel(prev):
        out = w[:-1] + "ies"
    elif last in "sxz" or (last == "h" and prev in ("s", "c")):
        out = w + "es"
    else:
        out = w + "s"
    return [case_as(w, out)]


def petrarch_plural(w, rule):
    """rule: 'agent' (S -> +ES), 'synset' (S -> ES replacing it), 'issue' (no S rule)."""
    if not w:
        return None
    last = w[-1].lower()
    if last == "y":
        out = w[:-1] + "ies"
    elif last == "s" and rule == "agent":
        out = w + "es"
    elif last == "s" and rule == "synset":
        out = w[:-1] + "es"
    else:
        out = w + "s"
    return case_as(w, out)


# ---------------------------------------------------------------- words and phrases

APOS = "\u2018\u2019\u201a\u201b\u02bc\u02bb\u2032\u0060\u00b4"
DASH = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"
QUOTE = "\u201c\u201d\u201e\u201f\u00ab\u00bb"


def norm_word(w):
    """The matching form of a word (text/normalize.c): upper case, marks removed, dotted
    acronyms end in '.'."""
    out = []
    for c in w:
        if c in APOS:
            out.append("'")
        elif c in DASH:
            out.append("-")
        elif c in QUOTE:
            out.append('"')
        elif c == "\ufffd":
            out.append("?")
        elif c.isascii():
            out.append(c.upper())
        else:
            d = unicodedata.normalize("NFKD", c)
            out.append("".join(x for x in d if unicodedata.category(x) not in ("Mn", "Me", "Mc")).upper())
    s = "".join(out)
    n = len(s)
    if n >= 2 and s[1] == "." and s[-1] != ".":
        ok = True
        for i, c in enumerate(s):
            if c == ".":
                continue
            if i + 1 < n and s[i + 1] != ".":
                ok = False
                break
        if ok:
            s += "."
    return s


SEPS = " \t_-"


def psplit(s):
    """PETRARCH phrase words: [word, adjacent, plus, hyphen] (petrarch_phrase.c)."""
    words, i, n = [], 0, len(s)
    while i < n:
        while i < n and s[i] in SEPS:
            i += 1
        if i >= n:
            break
        plus = False
        while i < n and s[i] == "+":
            plus, i = True, i + 1
        start = i
        while i < n and s[i] not in SEPS:
            i += 1
        if i == start:
            continue
        j, under, blank, hyph = i, False, False, False
        while j < n and s[j] in SEPS:
            if s[j] in "_-":
                under = True
            else:
                blank = True
            if s[j] == "-":
                hyph = True
            j += 1
        words.append([s[start:i], under and not blank, plus, hyph and j - i == 1 and j < n])
    if words:
        words[-1][1] = words[-1][3] = False
    return words


def pkey(words, all_adjacent=False):
    out = []
    for i, w in enumerate(words):
        out.append(norm_word(w[0]))
        if i < len(words) - 1:
            out.append("_" if (all_adjacent or w[1]) else " ")
    return "".join(out)


class Comments:
    """PETRARCH comments: '#' (outside [..]) and optionally ';' to the end of the line,
    <!-- ... --> over lines, and lines starting "<!" that do not open "<!--"."""

    def __init__(self, semi):
        self.semi, self.in_xml = semi, False

    def strip(self, line):
        if not self.in_xml:
            t = line.lstrip(" \t")
            if t.startswith("<!") and not t.startswith("<!--"):
                return ""
        out, i, bracket = [], 0, False
        while i < len(line):
            if self.in_xml:
                j = line.find("-->", i)
                if j < 0:
                    return "".join(out)
                i, self.in_xml = j + 3, False
                continue
            if line.startswith("<!--", i):
                self.in_xml, i = True, i + 4
                continue
            c = line[i]
            if c == "[":
                bracket = True
            elif c == "]":
                bracket = False
            if (c == "#" or (c == ";" and self.semi)) and not bracket:
                break
            out.append(c)
            i += 1
        return "".join(out)


def read_lines(path):
    data = open(path, "rb").read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("utf-8", errors="replace")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [l[:-1] if l.endswith("\r") else l for l in lines]


def trim(s):
    return s.strip(" \t\r")


def bracket(s):
    """(open, inner, end) of the first [..]; None when there is none; 'open' when unclosed."""
    o = s.find("[")
    if o < 0:
        return None
    c = s.find("]", o)
    if c < 0:
        return "open"
    return o, s[o + 1:c], c + 1


class Counts(dict):
    def add(self, key, n=1):
        self[key] = self.get(key, 0) + n


# ---------------------------------------------------------------- dated codes (shared)


def lex_date(s, pivot):
    s = s.strip()
    if len(s) not in (6, 8) or not s.isdigit():
        return None
    if len(s) == 8:
        y, s = int(s[:4]), s[4:]
    else:
        y = int(s[:2])
        y += 2000 if y < pivot else 1900
        s = s[2:]
    try:
        return datetime.date(y, int(s[:2]), int(s[2:4])).toordinal()
    except ValueError:
        return None


def dated_code(inner):
    """Parses a code block as dict.c/tabari_actors.c do: 'undated', 'dated' or None (bad)."""
    s = inner.strip()
    clen = 0
    while clen < len(s) and not s[clen].isspace() and s[clen] not in "<>":
        clen += 1
    code = s[:clen]
    only_dates = clen > 0 and all(c.isdigit() or c == "-" for c in code) and any(c.isdigit() for c in code)
    if clen == 0 or only_dates or (clen >= 6 and code[0].isdigit() and "-" in code):
        return None
    i = 0
    while i < clen:
        j = code.find("/", i)
        j = clen if j < 0 else j
        if j == i:
            return None
        i = j + 1
    rest = "".join(s[clen:].split())[:63]
    if not rest:
        return "undated"
    if rest[0] in "<>":
        return "dated" if lex_date(rest[1:], 30) is not None else None
    if "-" not in rest:
        return None
    a, b = rest.split("-", 1)
    a, b = lex_date(a, 30), lex_date(b, 30)
    if a is None or b is None or a > b:
        return None
    return "dated"


# ---------------------------------------------------------------- PETRARCH actors


def petrarch_actors(path):
    c = Counts(files=1, problems=0, actors=0, actor_phrases=0, dated_actors=0, places=0)
    keys, com = set(), Comments(semi=True)
    cur = None  # the entry being read: {'written', 'valid', 'dated', 'place'}
    place = False

    def finish():
        if cur is None:
            return
        if cur["valid"] == 0:
            c.add("problems")  # "actor has no code"
        if cur["dated"]:
            c.add("dated_actors")
        if cur["place"]:
            c.add("places")

    def phrase(text):
        words = psplit(text)
        if not words:
            c.add("problems")  # "empty phrase"
            return
        k = pkey(words)
        if k not in keys:
            keys.add(k)
            c.add("actor_phrases")

    def codes(text):
        cur["written"] = True
        pos = 0
        while True:
            b = bracket(text[pos:])
            if b is None:
                return
            if b == "open":
                c.add("problems")
                return
            o, inner, end = b
            pos += end
            # Dates have 6 or 8 digits; 2-digit years 00-30 are 20xx (petrarch_actors.c).
            m = re.match(r"\s*[^\s<>]*", inner)
            runs = re.findall(r"\d+", inner[m.end():])
            if any(len(r) not in (6, 8) for r in runs):
                c.add("problems")
                continue
            fixed = inner[:m.end()] + re.sub(
                r"\d+", lambda r: r.group(0) if len(r.group(0)) == 8 else
                ("20" if int(r.group(0)[:2]) <= 30 else "19") + r.group(0), inner[m.end():])
            kind = dated_code(fixed)
            if kind is None:
                c.add("problems")
                continue
            cur["valid"] += 1
            if kind == "dated":
                cur["dated"] = True

    for raw in read_lines(path):
        if not com.in_xml:
            m = re.match(r"\s*#\s*annalist:\s*kind=(places|actors)", raw, re.I)
            if m:
                place = m.group(1).lower() == "places"
                continue
        s = trim(com.strip(raw))
        if not s:
            continue
        if s[0] == "[":
            if cur is None:
                c.add("problems")
            else:
                codes(s)
        elif s[0] == "+":
            if cur is None:
                c.add("problems")
            else:
                phrase(s[1:].split("[")[0])
        else:
            if cur is None or cur["written"]:
                finish()
                cur = {"written": False, "valid": 0, "dated": False, "place": place}
                c.add("actors")
            # else: a codeless head before another head joins the entry (petrarch_actors.c)
            phrase(s.split("[")[0])
            if "[" in s:
                codes(s[s.index("["):])
    finish()
    return c


# ---------------------------------------------------------------- PETRARCH agents


def petrarch_agents(path):
    c = Counts(files=1, problems=0, agents=0, agent_phrases=0)
    keys, deferred, sets, com = set(), [], {}, Comments(semi=False)

    def add(text, generated):
        if generated:
            deferred.append(text)
            return
        words = psplit(text)
        if not words:
            c.add("problems")
            return
        k = pkey(words)
        if k not in keys:
            keys.add(k)
            c.add("agent_phrases")

    def plurals(s):
        s = s.rstrip(SEPS)
        ws = len(s)
        while ws and s[ws - 1] not in SEPS:
            ws -= 1
        word = s[ws:]
        if not word or len(word) >= INFLECT_MAX:
            return
        forms = [petrarch_plural(word, "agent")]
        for e in english_noun_plurals(word):
            if e != word and e not in forms:
                forms.append(e)
        for f in forms:
            add(s[:ws] + f, True)

    def expand(s, mode, depth=0):
        b1 = s.find("!")
        if b1 < 0:
            add(s, False)
            if mode:
                plurals(s)
            return
        b2 = s.find("!", b1 + 1)
        if b2 < 0 or s[b1 + 1:b2] not in sets or depth >= 8:
            c.add("problems")
            return
        for item in sets[s[b1 + 1:b2]]:
            expand(s[:b1] + item + s[b2 + 1:], 0, depth + 1)

    for raw in read_lines(path):
        s = trim(com.strip(raw))
        if not s:
            continue
        if "!" in s and "=" in s:
            b1 = s.find("!")
            b2 = s.find("!", b1 + 1)
            eq = s.find("=", b2) if b2 >= 0 else -1
            name = s[b1 + 1:b2] if b2 >= 0 else ""
            items = [trim(x) for x in s[eq + 1:].split(",")] if eq >= 0 else []
            items = [x for x in items if x]
            if b2 < 0 or eq < 0 or not name or len(name) >= 64 or not items:
                c.add("problems")
            else:
                sets[name] = items
            continue
        b = bracket(s)
        if b is None or b == "open":
            c.add("problems")
            continue
        o, inner, end = b
        code = trim(inner)
        if code.startswith("~"):
            code = code[1:]
        elif code.endswith("~"):
            code = code[:-1]
        if not code.strip(" \t"):
            c.add("problems")
            continue
        ptext, plural = s[:o], None
        brace = ptext.find("{")
        if brace >= 0:
            close = ptext.find("}", brace)
            if close < 0:
                c.add("problems")
                continue
            plural = trim(ptext[brace + 1:close])
            ptext = ptext[:brace]
        phrase = trim(ptext)
        if not phrase:
            c.add("problems")
            continue
        c.add("agents")
        expand(phrase, 0 if (brace >= 0 or "!" in phrase) else 1)
        if plural:
            expand(plural, 0)
    for text in deferred:
        words = psplit(text)
        if words and pkey(words) not in keys:
            keys.add(pkey(words))
            c.add("agent_phrases")
    return c


# ---------------------------------------------------------------- PETRARCH codes and verbs


def petrarch_ecode_ok(inner):
    s = "".join(inner.split())
    if not s or len(s) >= 63:
        return False
    parts = s.split(":", 1)
    for p in parts:
        if any(ch in p for ch in "[]:"):
            return False
    if len(parts) == 2 and parts[0] in ("", "---") and parts[1] in ("", "---") and parts[0] == "":
        return False
    return True


def synset_refs(text, p2):
    if p2:
        return []
    return [t for t in re.split(r"[ \t_=*$+%^@{|}]|~_", text) if t.startswith("&")]


def petrarch_verbs(path):
    lines = read_lines(path)
    p2 = any(l.startswith("####### VERB PATTERNS") for l in lines)
    c = Counts(files=1, problems=0, verbs=0, verb_forms=0, patterns=0, synsets=0)
    keys, deferred, names, defined = set(), [], set(), set()
    com = Comments(semi=True)
    block = None
    syn = None  # the open synset: {'name', 'no_plural'} or None

    def form(words, h, repl):
        ws = [w[0] for w in words]
        if repl is not None:
            ws[h] = repl
        return pkey([[w, True] for w in ws])

    def add_key(k):
        if k not in keys:
            keys.add(k)
            c.add("verb_forms")

    def head(words, warn):
        if len(words) == 1:
            return 0
        pl = [i for i, w in enumerate(words) if w[2]]
        if not pl:
            if all(w[3] for w in words[:-1]):
                return len(words) - 1
            return 0
        if len(pl) > 1 or pl[0] not in (0, len(words) - 1):
            c.add("problems")
            return -1
        return pl[0]

    def verb_line(s):
        if block is None:
            c.add("problems")
            return
        brace = s.find("{")
        b = bracket(s)
        if b == "open":
            c.add("problems")
            return
        plen = len(s)
        if brace >= 0:
            plen = brace
        if b is not None and b[0] < plen:
            plen = b[0]
        forms = None
        if brace >= 0:
            close = s.find("}", brace)
            if close < 0:
                c.add("problems")
                return
            forms = s[brace + 1:close]
        if b is not None and not petrarch_ecode_ok(b[1]):
            c.add("problems")
            return
        words = psplit(trim(s[:plen]))
        if not words:
            c.add("problems")
            return
        h = head(words, True)
        if h < 0:
            return
        c.add("verbs")
        add_key(form(words, h, None))
        if forms is not None:
            for tok in forms.split():
                fw = psplit(tok)
                if not fw:
                    continue
                fh = 0
                if len(fw) > 1:
                    plus = sum(1 for w in fw if w[2])
                    hyph = all(w[3] for w in fw[:-1])
                    if plus == 0 and not hyph:
                        continue  # warned: a multi-word form needs its '+'
                    fh = head(fw, False)
                    if fh < 0:
                        continue
                add_key(form(fw, fh, None))
            return
        base = words[h][0].upper()
        gen = petrarch_verb(base, 2 if p2 else 1) + english_verb_forms(base)
        seen = []
        for g in gen:
            if g not in seen:
                seen.append(g)
                deferred.append(form(words, h, g))

    def member(s):
        no_plural = syn["no_plural"]
        while s and s[-1] in "_ \t":
            if s[-1] == "_":
                no_plural = True
            s = s[:-1]
        words = psplit(s)
        if not words:
            c.add("problems")
            return
        if not p2:
            for w in words:
                if w[0].startswith("&") and norm_word(w[0]) not in defined:
                    c.add("problems")
                    return

    def p1_pattern(s):
        if "{" in s:
            return  # skipped with a warning
        b = bracket(s)
        if b is None or b == "open":
            c.add("problems")
            return
        text = s[1:b[0]].replace("-", "_").rstrip(" \t_")
        if text.count("*") != 1 or "|" in text or "}" in text:
            c.add("problems")
            return
        for ref in synset_refs(text, False):
            if norm_word(ref) not in defined:
                c.add("problems")
                return
        if not petrarch_ecode_ok(b[1]):
            c.add("problems")
            return
        c.add("patterns")

    def p2_pattern(s):
        b = bracket(s)
        if b is None or b == "open":
            c.add("problems")
            return
        text = s[1:b[0]]
        stars, np, pp, i = 0, False, False, 0
        ok = True
        while i < len(text) and ok:
            ch = text[i]
            if ch in " \t_-":
                i += 1
            elif ch == "*":
                stars += 1
                ok = not np and not pp and stars == 1
                i += 1
            elif ch == "(":
                ok, pp = not pp and not np, True
                i += 1
            elif ch == "{":
                ok, np = not np, True
                i += 1
            elif ch == "}":
                ok, np = np, False
                i += 1
            elif ch == ")":
                ok, pp = pp and not np, False
                i += 1
            else:
                start, isyn = i, ch == "&"
                while i < len(text) and text[i] not in " \t(){}*" and (isyn or text[i] not in "_-"):
                    i += 1
                tok = text[start:i]
                if not isyn and "/" in tok:
                    alts = [p for p in tok.split("/") if p]
                    ok = bool(alts) and all(not p.startswith("&") or norm_word(p) in defined for p in alts)
                elif isyn:
                    ok = norm_word(tok) in defined
        if not ok or np or pp or stars != 1 or not petrarch_ecode_ok(b[1]):
            c.add("problems")
            return
        c.add("patterns")

    transforms = 0
    for raw in lines:
        s = trim(com.strip(raw))
        if not s:
            continue
        if s[0] == "~":
            syn = None
            if p2:
                transforms += 1
            else:
                c.add("problems")
            continue
        if s[0] == "+" and syn is not None:
            if syn["active"]:
                member(s[1:])
            continue
        if s[0] == "&":
            no_plural = s.endswith("_")
            name = norm_word(s.rstrip("_"))
            active = name not in defined
            names.add(name)
            defined.add(name)
            syn = {"no_plural": no_plural, "active": active}
            continue
        syn = None
        if s.startswith("---"):
            b = bracket(s)
            if b == "open":
                c.add("problems")
                continue
            if b is not None and not petrarch_ecode_ok(b[1]):
                c.add("problems")
            block = True
        elif s[0] == "-":
            if block is None:
                c.add("problems")
            elif p2:
                p2_pattern(s)
            else:
                p1_pattern(s)
        else:
            verb_line(s)
    for k in deferred:
        add_key(k)
    c["synsets"] = len(names)
    return c


# ---------------------------------------------------------------- PETRARCH discards and issues


def petrarch_discards(path):
    c = Counts(files=1, problems=0, discards=0)
    com = Comments(semi=True)
    for raw in read_lines(path):
        s = trim(com.strip(raw))
        if not s:
            continue
        if s[0] == "+":
            s = trim(s[1:])
        s = s.rstrip("_ \t")
        c.add("discards" if s else "problems")
    return c


def issue_forms(part, marker):
    if not part or len(part) >= INFLECT_MAX:
        return []
    out = [part]
    if marker == "n":
        out.append(petrarch_plural(part, "issue"))
        out += english_noun_plurals(part)
    elif marker == "v":
        out += petrarch_verb(part, 1)
        out += english_verb_forms(part)
    res = []
    for f in out:
        if f and f.lower() not in [r.lower() for r in res]:
            res.append(f)
    return res


def issue_variants(phrase):
    parts = []  # [text, marker, last part of its blank-separated segment]
    for seg in phrase.split():
        for p in seg.split("+"):
            if p:
                m = None
                if len(p) > 2 and p[1] == ":" and p[0].lower() in "nv":
                    m, p = p[0].lower(), p[2:]
                parts.append([p, m, False])
        if parts:
            parts[-1][2] = True
    if not parts or len(parts) > 32:
        return None
    out = []

    def rec(i, buf):
        for f in issue_forms(parts[i][0], parts[i][1]):
            if len(buf) + len(f) + 2 >= 512:
                continue
            b2 = buf + f
            if i == len(parts) - 1:
                if b2 not in out:
                    out.append(b2)
            elif parts[i][2]:
                rec(i + 1, b2 + " ")
            else:
                rec(i + 1, b2 + " ")
                rec(i + 1, b2)

    rec(0, "")
    return out


def petrarch_issues(path):
    c = Counts(files=1, problems=0, issues=0)
    com = Comments(semi=False)

    def entry(phrase):
        v = issue_variants(phrase)
        if v is None:
            c.add("problems")
            return
        if len(v) > 256:
            c.add("problems")
            v = v[:256]
        c.add("issues", len(v))

    for raw in read_lines(path):
        s = trim(com.strip(raw))
        if not s:
            continue
        if s[0] == "<":
            if not (s[:6].upper() == "<ISSUE" or s[:7].upper() == "</ISSUE"):
                c.add("problems")
            continue
        if s[0] == "~":
            s = s[1:]
            if s.startswith("~"):
                s = s[1:]
            entry(trim(s))
            continue
        first = True
        while s:
            b = bracket(s)
            if b == "open":
                c.add("problems")
                break
            if b is None:
                if first:
                    c.add("problems")
                break
            o, inner, end = b
            ph = trim(s[:o])
            if not ph:
                if first:
                    c.add("problems")
                    break
            elif not trim(inner):
                c.add("problems")
                break
            else:
                entry(ph)
            s = trim(s[end:])
            first = False
    return c


# ---------------------------------------------------------------- TABARI


def tabari_lines(path):
    for raw in read_lines(path):
        if raw.startswith("~"):
            return
        if raw.startswith("/") or raw.startswith("#"):
            continue
        s = trim(raw.split(";")[0])
        if s:
            yield s


def tabari_key(phrase):
    p = phrase.upper()
    p = p[:1] + p[1:].replace("-", "_")
    return trim(p)


def tabari_root(c, keys, group, phrase, counter):
    k = tabari_key(phrase)
    if len(k) < 2:
        c.add("problems")
        return
    if (group, k) in keys:
        return
    keys.add((group, k))
    words = [w for w in re.split(r"[ \t_=]|~_", k) if w]
    if not words or any(w[0] in "*$+%^@{|}" for w in re.split(r"[ \t_=]|~_|(?=[*$+%^@{|}])", k) if w):
        c.add("problems")
        return
    c.add(counter)


def tabari_actors(path):
    c = Counts(files=1, problems=0, actors=0, actor_phrases=0, dated_actors=0, nouns=0,
               adjectives=0)
    keys, section = set(), 0
    cur = None

    def finish():
        if cur is None:
            return
        if cur["valid"] == 0:
            c.add("problems")
        if cur["dated"]:
            c.add("dated_actors")

    def codes(text):
        pos = 0
        while True:
            b = bracket(text[pos:])
            if b is None:
                return
            if b == "open":
                c.add("problems")
                return
            kind = dated_code(b[1])
            if kind is None:
                c.add("problems")
                return
            cur["valid"] += 1
            cur["dated"] |= kind == "dated"
            pos += b[2]

    for s in tabari_lines(path):
        if s[0] == "<":
            u = s.upper()
            if u.startswith("<NOUN"):
                section = 1
            elif u.startswith("<ADJ"):
                section = 2
            elif u.startswith("</NOUN") or u.startswith("</ADJ"):
                section = 0
            else:
                c.add("problems")
            continue
        if section:
            tabari_root(c, keys, "N", s, "nouns" if section == 1 else "adjectives")
        elif s[0] == "[":
            if cur is None or cur["head_code"]:
                c.add("problems")
            else:
                codes(s)
        elif s[0] == "+":
            if cur is None:
                c.add("problems")
            else:
                tabari_root(c, keys, "N", s[1:].split("[")[0], "actor_phrases")
        else:
            finish()
            cur = {"valid": 0, "dated": False, "head_code": "[" in s}
            c.add("actors")
            if "[" in s:
                codes(s[s.index("["):])
            tabari_root(c, keys, "N", s.split("[")[0], "actor_phrases")
    finish()
    return c


def tabari_agents(path):
    c = Counts(files=1, problems=0, agents=0, agent_phrases=0)
    keys = set()
    for s in tabari_lines(path):
        b = bracket(s)
        if b is None or b == "open":
            c.add("problems")
            continue
        code = trim(b[1])
        if not (code.startswith("~") or code.endswith("~")) or not code.strip("~ \t"):
            c.add("problems")
            continue
        c.add("agents")
        tabari_root(c, keys, "G", s[:b[0]], "agent_phrases")
    return c


def tabari_pattern_ok(text, defined):
    text = text.upper().replace("-", "_")
    if text.count("*") != 1:
        return False
    for side in text.split("*"):
        depth, empty = False, True
        for ch in side:
            if ch == "{":
                if depth:
                    return False
                depth, empty = True, True
            elif ch in "|}":
                if not depth or empty:
                    return False
                empty = True
                if ch == "}":
                    depth = False
            elif ch not in " \t_" and depth:
                empty = False
        if depth:
            return False
    for ref in re.split(r"[ \t_=*$+%^@{|}]|~_", text):
        if ref.startswith("&") and norm_word(ref) not in defined:
            return False
    return True


def tabari_verbs(path):
    c = Counts(files=1, problems=0, verbs=0, verb_forms=0, patterns=0, synsets=0,
               time_phrases=0)
    keys, names, defined = set(), set(), set()
    section, block, last_root, syn_active = "verbs", False, False, False
    for s in tabari_lines(path):
        if s[0] == "<":
            u, syn_active = s.upper(), False
            if u.startswith("<SYN"):
                section = "syn"
            elif u.startswith("<TIME"):
                section = "time"
            elif u.startswith("<ATTRIB"):
                section = "attrib"
            elif u.startswith("</"):
                section = "verbs"
            else:
                c.add("problems")
            block = last_root = False
            continue
        if section == "attrib":
            continue
        if section == "syn" or s[0] == "&" or (s[0] == "+" and syn_active):
            last_root = False
            if s[0] == "&":
                name = norm_word(s)
                names.add(name)
                syn_active = name not in defined
                defined.add(name)
            elif s[0] != "+" or not syn_active:
                c.add("problems")
            continue
        if s[0] == "{":
            if not last_root or "}" not in s:
                c.add("problems")
            else:
                for tok in s[1:s.index("}")].split():
                    tabari_root(c, keys, "V", tok, "verb_forms")
            last_root = False
        elif s[0] == "-":
            last_root = False
            b = bracket(s[1:])
            if not block or b is None or b == "open" or not trim(b[1]):
                c.add("problems")
            elif not tabari_pattern_ok(s[1:1 + b[0]], defined):
                c.add("problems")
            else:
                c.add("patterns")
        else:
            syn_active = False
            b = bracket(s)
            if b is None or b == "open" or not "".join(b[1].split()):
                c.add("problems")
                continue
            block = last_root = True
            if section == "time":
                tabari_root(c, keys, "T", s[:b[0]], "time_phrases")
            else:
                c.add("verbs")
                tabari_root(c, keys, "V", s[:b[0]], "verb_forms")
    c["synsets"] = len(names)
    return c


def tabari_options(path):
    return Counts(files=1)


# ---------------------------------------------------------------- which counter


def counter_for(name):
    """The same choice as src/dict/load.c: by file name."""
    low = name.lower()
    if low.endswith(".options"):
        return tabari_options
    if low.endswith(".actors"):
        return tabari_actors
    if low.endswith(".agents"):
        return tabari_agents
    if low.endswith(".verbs"):
        return tabari_verbs
    if "actor" in low:
        return petrarch_actors
    if "agent" in low:
        return petrarch_agents
    if "verb" in low or "cameo.2" in low:
        return petrarch_verbs
    if "discard" in low:
        return petrarch_discards
    if "issue" in low:
        return petrarch_issues
    return None


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    annalist, data = argv[1], argv[2]
    passed = failed = 0
    for root, dirs, files in os.walk(data):
        dirs.sort()
        for name in sorted(files):
            if name.startswith(".") or name.endswith((".md", ".json", ".jsonl", ".zst", ".tsv",
                                                      ".dictset", ".xml")):
                continue
            count = counter_for(name)
            if count is None:
                continue
            path = os.path.join(root, name)
            want = count(path)
            try:
                run = subprocess.run([annalist, "dict", "stats", "--json", "--quiet", path],
                                     capture_output=True, text=True)
                got = json.loads(run.stdout)
            except (OSError, ValueError) as e:
                print("FAIL %s: %s" % (os.path.relpath(path, data), e))
                failed += 1
                continue
            if not isinstance(got, dict):
                print("FAIL %s: no JSON object from annalist (exit %d): %s" %
                      (os.path.relpath(path, data), run.returncode, run.stderr.strip()[:300]))
                failed += 1
                continue
            diff = {k: (v, got.get(k)) for k, v in want.items() if got.get(k) != v}
            rel = os.path.relpath(path, data)
            if diff:
                failed += 1
                print("FAIL %s: %s" % (rel, ", ".join("%s counted %s, annalist %s" % (k, a, b)
                                                      for k, (a, b) in sorted(diff.items()))))
            else:
                passed += 1
                print("ok   %s: %s" % (rel, ", ".join("%s=%d" % kv for kv in sorted(want.items())
                                                      if kv[1])))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
