#!/bin/sh
# hostile_input.sh — `annalist code` on input that is broken on purpose: invalid UTF-8, NUL
# bytes, a 50 MB line, empty files, directories, missing files, malformed JSON and XML, and
# random bytes; both with --debug-tokens and with the TABARI validation dictionaries.
# Bad input must give exit status 1 (never 2, never a crash) and a message naming the file
# (and the line when there is one), and the good documents of the same file must still come.
#   usage: hostile_input.sh ANNALIST SHARED_DATA_DIR
set -u

ANNALIST=${1:?usage: hostile_input.sh ANNALIST SHARED_DATA_DIR}
SHARED=${2:?usage: hostile_input.sh ANNALIST SHARED_DATA_DIR}
DICT="$SHARED/tabari-validation/suite.dictset"
[ -x "$ANNALIST" ] || { echo "not executable: $ANNALIST" >&2; exit 2; }
[ -f "$DICT" ] || { echo "missing dictionaries: $DICT" >&2; exit 2; }

T=$(mktemp -d "${TMPDIR:-/tmp}/an-hostile.XXXXXX") || exit 2
trap 'rm -rf "$T"' EXIT INT TERM
FAILS=0
CHECKS=0

fail() {
    echo "FAIL [$MODE] $CASE: $*" >&2
    FAILS=$((FAILS + 1))
}

# run CASE EXPECTED_STATUS FILE... : runs annalist in the current MODE, checks the status.
run() {
    CASE=$1
    want=$2
    shift 2
    if [ "$MODE" = debug ]; then
        # Only the document records are kept: the token dump of a big input is large.
        { "$ANNALIST" code --debug-tokens "$@" 2>"$T/err"; echo $? >"$T/status"; } |
            cut -c 1-1000 | grep -v '^{"type":"sentence"' >"$T/out"
        st=$(cat "$T/status")
    else
        "$ANNALIST" code --threads 2 --dict "$DICT" "$@" >"$T/out" 2>"$T/err"
        st=$?
    fi
    CHECKS=$((CHECKS + 1))
    if [ "$st" -ge 128 ]; then
        fail "crashed (status $st): $(head -c 300 "$T/err")"
    elif [ "$st" -ne "$want" ]; then
        fail "exit status $st, expected $want: $(head -c 300 "$T/err")"
    fi
}

# stderr must contain the fixed string $1
err_has() {
    CHECKS=$((CHECKS + 1))
    grep -qF -- "$1" "$T/err" || fail "stderr lacks \"$1\": $(head -c 300 "$T/err")"
}

# the output must show document $1 (a document record, or an event of it)
has_doc() {
    CHECKS=$((CHECKS + 1))
    if [ "$MODE" = debug ]; then
        grep -qF -- "\"type\":\"doc\",\"id\":\"$1\"" "$T/out" || fail "no output for document $1"
    else
        grep -qF -- "\"doc\":\"$1\"" "$T/out" || fail "no events for document $1"
    fi
}

# Sentences that the TABARI validation dictionaries code (so events show the document).
S1='Arnor is about to restore full diplomatic ties with Gondor almost five years after crowds trashed its embassy, a senior official said on Saturday.'
S2='Gondor welcomed the envoy from Arnor on Monday.'

# ---------------------------------------------------------------- the inputs
# text: three articles (date lines start them); the middle one is bad.
printf '2024-11-25\n%s\n2024-11-26\nBad \377\376 bytes here.\n2024-11-27\n%s\n' "$S1" "$S2" >"$T/utf8.txt"
printf '2024-11-25\n%s\n2024-11-26\nA NUL \000 byte.\n2024-11-27\n%s\n' "$S1" "$S2" >"$T/nul.txt"
# jsonl: a bad line between two good ones.
printf '{"id":"g1","date":"1995-01-01","text":"%s"}\n{"id":"bad","date":null,"text":"raw \377 byte"}\n{"id":"g2","date":"1995-01-02","text":"%s"}\n' "$S1" "$S2" >"$T/utf8.jsonl"
printf '{"id":"g1","date":"1995-01-01","text":"%s"}\n{"id":"bad","date":null,"text":"nul \000 byte"}\n{"id":"g2","date":"1995-01-02","text":"%s"}\n' "$S1" "$S2" >"$T/nul.jsonl"
printf '{"id":"g1","date":"1995-01-01","text":"%s"}\n{"id":"bad","date":null,"text":"unterminated\n{"id":"g2","date":"1995-01-02","text":"%s"}\n' "$S1" "$S2" >"$T/malformed.jsonl"
printf '{"id":"g1","date":"1995-01-01","text":"%s"}\n[1,2\n{"id":"g2","date":"1995-01-02","text":"%s"}\n' "$S1" "$S2" >"$T/array.jsonl"
# tabari: three records, the middle one bad.
printf '950101  T-01\n%s\n\n950102  T-02\nBad \377 bytes.\n\n950103  T-03\n%s\n\n' "$S1" "$S2" >"$T/utf8.tabari"
printf '950101  T-01\n%s\n\n950102  T-02\nA NUL \000 byte.\n\n950103  T-03\n%s\n\n' "$S1" "$S2" >"$T/nul.tabari"
# xml: a good sentence, then a sentence cut short.
printf '<Sentences>\n<Sentence id="x1" date="19950101"><Text>%s</Text></Sentence>\n<Sentence id="x2" date="19950102"><Text>%s</Text>\n</Sentences>\n' "$S1" "$S2" >"$T/malformed.xml"
printf '<Sentences>\n<Sentence id="x1" date="19950101"><Text>%s</Text></Sentence>\n<Sentence id="x2" date="19950102"><Text>Bad \377 byte</Text></Sentence>\n</Sentences>\n' "$S1" >"$T/utf8.xml"
# random bytes; an empty file; a directory.
head -c 1048576 /dev/urandom >"$T/junk.bin"
: >"$T/empty.txt"
: >"$T/empty.jsonl"
: >"$T/empty.xml"
mkdir "$T/adir"
# a good file to put next to bad ones
printf '{"id":"ok1","date":"1995-01-01","text":"%s"}\n' "$S1" >"$T/good.jsonl"

for MODE in debug dict; do
    run "invalid UTF-8 in text" 1 "$T/utf8.txt"
    err_has "$T/utf8.txt:4:"
    err_has "UTF-8"
    has_doc "$T/utf8.txt#1"
    has_doc "$T/utf8.txt#3"

    run "NUL byte in text" 1 "$T/nul.txt"
    err_has "$T/nul.txt:4:"
    err_has "NUL"
    has_doc "$T/nul.txt#1"
    has_doc "$T/nul.txt#3"

    run "invalid UTF-8 in jsonl" 1 "$T/utf8.jsonl"
    err_has "$T/utf8.jsonl:2:"
    has_doc g1
    has_doc g2

    run "NUL byte in jsonl" 1 "$T/nul.jsonl"
    err_has "$T/nul.jsonl:2:"
    has_doc g1
    has_doc g2

    run "malformed JSON" 1 "$T/malformed.jsonl"
    err_has "$T/malformed.jsonl:2:"
    err_has "JSON"
    has_doc g1
    has_doc g2

    run "JSON that is not an object" 1 "$T/array.jsonl"
    err_has "$T/array.jsonl:2:"
    has_doc g1
    has_doc g2

    run "invalid UTF-8 in tabari" 1 --input tabari "$T/utf8.tabari"
    err_has "$T/utf8.tabari:4:"
    has_doc T-01
    has_doc T-03

    run "NUL byte in tabari" 1 "$T/nul.tabari"
    err_has "$T/nul.tabari:4:"
    has_doc T-01
    has_doc T-03

    run "malformed XML" 1 "$T/malformed.xml"
    err_has "$T/malformed.xml:"
    err_has "XML"
    has_doc x1

    run "invalid UTF-8 in XML" 1 --input petrarch-xml "$T/utf8.xml"
    err_has "$T/utf8.xml:"
    has_doc x1

    run "random bytes" 1 "$T/junk.bin"
    err_has "$T/junk.bin"

    run "directory" 1 "$T/adir"
    err_has "$T/adir"

    run "missing file" 1 "$T/no-such-file.txt"
    err_has "$T/no-such-file.txt"

    # Nothing to read is not an error: no documents, no message.
    run "empty files" 0 "$T/empty.txt" "$T/empty.jsonl" "$T/empty.xml"
    CHECKS=$((CHECKS + 1))
    [ -s "$T/out" ] && fail "output for empty input"
    [ -s "$T/err" ] && fail "message for empty input: $(head -c 300 "$T/err")"

    # A bad file does not stop the files after it.
    run "bad files before a good one" 1 "$T/no-such-file.txt" "$T/adir" "$T/junk.bin" "$T/good.jsonl"
    has_doc ok1

    # Input on stdin.
    CASE="malformed JSON on stdin"
    if [ "$MODE" = debug ]; then
        "$ANNALIST" code --debug-tokens --input jsonl <"$T/malformed.jsonl" >"$T/out" 2>"$T/err"
    else
        "$ANNALIST" code --dict "$DICT" --input jsonl <"$T/malformed.jsonl" >"$T/out" 2>"$T/err"
    fi
    st=$?
    CHECKS=$((CHECKS + 1))
    [ "$st" -eq 1 ] || fail "exit status $st, expected 1"
    err_has "<stdin>:2:"
    has_doc g2
done

# ---------------------------------------------------------------- a 50 MB line
# One article whose second line is 50 MB without a newline, then a second article. The line
# is over the reader's line limit: reported (file and line) and skipped, and both articles
# are still read. Generated here and deleted at once.
{
    printf '2024-11-25\n%s\n' "$S1"
    head -c 52428800 /dev/zero | tr '\000' 'x'
    printf '\n2024-11-26\n%s\n' "$S2"
} >"$T/long.txt"
for MODE in debug dict; do
    run "50 MB line" 1 "$T/long.txt"
    err_has "$T/long.txt:3:"
    err_has "longer than the limit"
    has_doc "$T/long.txt#1"
    has_doc "$T/long.txt#2"
    : >"$T/out"
done
rm -f "$T/long.txt"

echo "hostile_input: $CHECKS checks, $FAILS failed"
[ "$FAILS" -eq 0 ]
