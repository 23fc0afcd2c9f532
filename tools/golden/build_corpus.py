#!/usr/bin/env python3
"""Builds the golden search corpus and queries from Debian bookworm package descriptions.

Deterministic: the same apt lists give byte-identical fixtures. Selection never depends on
Python's randomised str hash; it uses FNV-1a 32 over the package name (the same function the
C# embedder uses, so anyone can re-derive which packages were picked).

Inputs (defaults read the local apt lists; see fixtures/golden/SOURCE.md):
  --packages     a Packages-format file (default: output of `apt-cache dumpavail`)
  --translations a Translation-en file (default: bookworm main Translation-en via apt-helper)
Outputs: fixtures/golden/corpus.jsonl and fixtures/golden/queries.jsonl
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

CORPUS_MODULUS = 12          # keep a package when fnv(name) % 12 == 0  (~5,300 of ~63,700)
QUERY_MODULUS = 191          # hold out a package as a query when fnv(name) % 191 == 5
PROJECT_SCOPE_PERCENT = 30   # this share of the corpus is project-scoped
MAX_CONTENT_CHARS = 600
MAX_QUERIES = 300
STOPWORDS = set("""a an and are as at be by for from in into is it its of on or the this that to
with without your you using use used based via per can will which other more than all any some
also these those their there such not only both each most very way very new tool tools files file
package data library""".split())


def fnv1a32(text):
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def read_stanzas(text):
    stanza, last = {}, None
    for line in text.splitlines():
        if not line.strip():
            if stanza:
                yield stanza
            stanza, last = {}, None
            continue
        if line[0] in " \t" and last is not None:
            stanza[last] += "\n" + line
            continue
        key, _, value = line.partition(":")
        last = key
        stanza[key] = value.strip()
    if stanza:
        yield stanza


def default_packages():
    return subprocess.run(["apt-cache", "dumpavail"], check=True, capture_output=True, text=True).stdout


def default_translations():
    paths = sorted(glob.glob("/var/lib/apt/lists/*_debian_dists_bookworm_main_i18n_Translation-en*"))
    if not paths:
        sys.exit("No Translation-en list: run `apt-get update -o Acquire::Languages=en` first (see SOURCE.md).")
    return subprocess.run(["/usr/lib/apt/apt-helper", "cat-file", paths[0]], check=True,
                          capture_output=True, text=True).stdout


def clean_long(raw):
    paragraphs, current = [], []
    for line in raw.split("\n")[1:]:
        line = line.strip()
        if line == ".":
            if current:
                paragraphs.append(" ".join(current))
            current = []
        elif line:
            current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    text = " ".join(paragraphs)
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > MAX_CONTENT_CHARS:
        cut = text.rfind(" ", 0, MAX_CONTENT_CHARS)
        text = text[: cut if cut > 0 else MAX_CONTENT_CHARS]
    return text


def section_name(section):
    return section.split("/")[-1] if section else "misc"


def keywords(text, limit):
    words = re.findall(r"[a-z0-9][a-z0-9+.\-]*[a-z0-9+]|[a-z0-9]", text.lower())
    seen, result = set(), []
    for w in words:
        if w in STOPWORDS or w in seen or len(w) < 2:
            continue
        seen.add(w)
        result.append(w)
        if len(result) == limit:
            break
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--packages")
    parser.add_argument("--translations")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "golden"))
    args = parser.parse_args()

    packages_text = open(args.packages, encoding="utf-8").read() if args.packages else default_packages()
    translations_text = open(args.translations, encoding="utf-8").read() if args.translations else default_translations()

    long_by_key = {}
    for st in read_stanzas(translations_text):
        if "Package" in st and "Description-en" in st:
            long_by_key[(st["Package"], st.get("Description-md5", ""))] = st["Description-en"]

    packages = {}
    for st in read_stanzas(packages_text):
        name = st.get("Package")
        if not name or name in packages:
            continue
        raw = long_by_key.get((name, st.get("Description-md5", "")))
        if raw is None:
            continue
        short = raw.split("\n", 1)[0].strip()
        packages[name] = {"short": short, "long": clean_long(raw), "section": section_name(st.get("Section", ""))}

    names = sorted(packages)
    corpus = []
    for name in names:
        if fnv1a32(name) % CORPUS_MODULUS != 0:
            continue
        p = packages[name]
        content = (p["short"] + ". " + p["long"]).strip()
        project = (fnv1a32("scope:" + name) % 100) < PROJECT_SCOPE_PERCENT
        corpus.append({
            "id": name,
            "content": content,
            "category": p["section"],
            "scope": "project" if project else "global",
            "projectId": "proj-" + p["section"] if project else None,
        })

    project_sizes = {}
    for e in corpus:
        if e["projectId"]:
            project_sizes[e["projectId"]] = project_sizes.get(e["projectId"], 0) + 1

    corpus_ids = {e["id"] for e in corpus}
    queries = []
    for name in names:
        if name in corpus_ids or fnv1a32(name) % QUERY_MODULUS != 5:
            continue
        p = packages[name]
        n = len(queries)
        # Every third query keywords the long description instead of the short one.
        source = p["long"] if n % 3 == 2 and p["long"] else p["short"]
        words = keywords(source, 6)
        if len(words) < 2:
            continue
        project = "proj-" + p["section"]
        mode = n % 5
        if mode == 3 and project_sizes.get(project, 0) > 0:
            scope = {"kind": "project", "projectId": project}
        elif mode == 4 and project_sizes.get(project, 0) > 0:
            scope = {"kind": "project-and-global", "projectId": project}
        elif mode == 1:
            scope = {"kind": "global"}
        else:
            scope = {"kind": "all"}
        queries.append({"id": "q%04d" % n, "source": name, "text": " ".join(words), "scope": scope})
        if len(queries) == MAX_QUERIES:
            break

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "corpus.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for e in corpus:
            f.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")
    with open(os.path.join(args.out, "queries.jsonl"), "w", encoding="utf-8", newline="\n") as f:
        for q in queries:
            f.write(json.dumps(q, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(packages)} packages with descriptions; corpus {len(corpus)}; queries {len(queries)}; "
          f"projects {len(project_sizes)}")


if __name__ == "__main__":
    main()
