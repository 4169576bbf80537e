#!/usr/bin/env bash
# Build the Hunspell dictionary folder Elasticsearch reads (config/hunspell/<locale>/) from Debian's packages.
# Usage: scripts/hunspell-dicts.sh OUTDIR   (e.g. deploy/hunspell for docker compose)
# Result: OUTDIR/en_US/en_US.{aff,dic} and OUTDIR/fr_FR/fr_FR.{aff,dic}.
set -euo pipefail

out=${1:?usage: $0 OUTDIR}
src=${HUB_HUNSPELL_SRC:-/usr/share/hunspell}

if [[ ! -r $src/en_US.aff || ! -r $src/fr_FR.aff ]]; then
    if [[ $EUID -ne 0 ]]; then
        echo "Hunspell dictionaries missing in $src. Install them with:" >&2
        echo "    sudo apt-get install hunspell-en-us hunspell-fr" >&2
        echo "(or point HUB_HUNSPELL_SRC at a folder holding en_US.aff/.dic and fr_FR.aff/.dic)" >&2
        exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    # A fresh machine may have empty apt lists: update only if the plain install fails.
    apt-get install -y -qq hunspell-en-us hunspell-fr >/dev/null ||
        { apt-get update -qq && apt-get install -y -qq hunspell-en-us hunspell-fr >/dev/null; }
fi

mkdir -p "$out/en_US" "$out/fr_FR"
# Lucene's Hunspell stemmer also strips prefixes: with Debian's en_US "displacement" (= dis + placement)
# would stem to "placement" and "return" (= re + turn) to "turn". So the PFX rules are dropped...
grep -v '^PFX' "$src/en_US.aff" >"$out/en_US/en_US.aff"
# ...and every prefixed word becomes a root of its own, keeping its suffix flags, so that
# "displacements" -> "displacement" and "returned" -> "return" still stem (without it they'd be unknown).
# This is exact only for prefixes that strip nothing, have no condition and combine with suffixes
# (all of en_US's: "PFX E 0 dis ."); refuse anything else rather than build a wrong dictionary.
awk '
    FNR == NR {
        if ($1 == "PFX" && NF == 4 && $3 != "Y") { bad = "PFX " $2 " is not cross-product" }
        if ($1 == "PFX" && NF >= 5) { if ($3 != "0" || $5 != ".") bad = "PFX " $2 " " $3 " " $4 " " $5; pfx[$2] = $4 }
        next
    }
    bad != "" { print "en_US.aff: unsupported prefix rule: " bad > "/dev/stderr"; exit 1 }
    FNR == 1 { next }  # the word count; recomputed below
    {
        n = split($0, part, "/"); word = part[1]; flags = (n > 1) ? part[2] : ""; keep = ""; used = ""
        for (i = 1; i <= length(flags); i++) {
            c = substr(flags, i, 1)
            if (c in pfx) used = used c; else keep = keep c
        }
        suffix = (keep == "") ? "" : "/" keep
        print word suffix
        for (i = 1; i <= length(used); i++) print pfx[substr(used, i, 1)] word suffix
    }
' "$src/en_US.aff" "$src/en_US.dic" >"$out/en_US/words.tmp"
{ wc -l <"$out/en_US/words.tmp"; cat "$out/en_US/words.tmp"; } >"$out/en_US/en_US.dic"
rm "$out/en_US/words.tmp"
# Debian ships fr_FR.* as symlinks to fr.*: -L copies the real contents (a bind mount can't follow them).
cp -L "$src/fr_FR.aff" "$out/fr_FR/fr_FR.aff"
cp -L "$src/fr_FR.dic" "$out/fr_FR/fr_FR.dic"
chmod -R a+rX "$out"
