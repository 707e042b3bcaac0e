"""Full-text search over the entities' labels and the evidence quotes, in one SQLite file.

:func:`write_index` is run by the build and writes ``search.sqlite`` with SQLite's FTS5
(from Python's standard library): one table of entities (every skos:prefLabel,
skos:altLabel, rdfs:label and, for articles, dcterms:title of an IRI), one of the
kg:quote sentences of the evidence, and the words of the labels with their one-letter
deletions, for finding a label despite one mistyped letter. :func:`search` answers a
text query from that file.

Matching folds case and accents (FTS5's ``unicode61`` tokenizer with
``remove_diacritics 2``) and splits words at apostrophes and dashes, so "Meloni’s",
"meloni's" and "MELONI S" are the same two words, and "Italy–Japan" matches
"Italy-Japan" and "italy japan"; labels are also indexed with their apostrophes and
dashes removed, so "dalema" finds "D'Alema". Every word of the query matches as a
prefix. The query is always text: it is cut into words here and every word is
quoted, so FTS5's syntax (``"``, ``*``, ``AND``, ``NEAR``, ``-``, parentheses …) can
neither raise an error nor change the query.

Ranking: entities whose label or alias is the whole query first (an ordinary indexed
table of the folded labels, ``exact``), then the other entities by bm25, then quotes by
bm25. The rows of both full-text tables are stored shortest first (in words; then by
label or IRI), which is the order bm25 prefers between rows that match alike, so ties
fall to the label, and a query ranks only the first :data:`CANDIDATES` rows that match
it: a word found in thousands of labels costs about what one found in
:data:`CANDIDATES` costs, and what it returns are the best of the shortest matches (a
longer row that matches the words more often can be missed). The highlights are made
for the returned rows only. This module does not read the build's files and does not
rank by anything but bm25, exact label matches and row length.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from html import escape
from itertools import islice, product
from pathlib import Path

from kg.errors import KgError, UsageError
from kg.triples import Triple, literal_text

#: A query longer than this is refused.
MAX_QUERY_CHARS = 500
#: Words of a query beyond this many are ignored.
MAX_WORDS = 16
#: Words shorter than this get no typo tolerance (too many near neighbours).
MIN_TYPO_LENGTH = 4
DEFAULT_LIMIT = 20
#: At most this many matching rows of a table are ranked: the first in the index's order, the shortest.
CANDIDATES = 2000
#: bm25 weights of the entity table's columns: label, aliases, variants.
ENTITY_WEIGHTS = ", 10.0, 4.0, 2.0"
MAX_LIMIT = 200
SEARCH_FORMATS = ("text", "json")

INDEX_FILE = "search.sqlite"
SCHEMA_VERSION = "2"

RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
SKOS_PREF = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
SKOS_ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
DCT_TITLE = "<http://purl.org/dc/terms/title>"
KG_NS = "https://w3id.org/ijkg/ontology#"
KG_QUOTE, KG_ARTICLE = f"<{KG_NS}quote>", f"<{KG_NS}article>"
LABELS = (SKOS_PREF, SKOS_ALT, RDFS_LABEL, DCT_TITLE)
_READ = frozenset((*LABELS, KG_QUOTE, KG_ARTICLE))

#: Markers FTS5 puts around matched words; no label or quote contains these control characters.
OPEN, CLOSE = "\x02", "\x03"
_TOKENIZER = "unicode61 remove_diacritics 2"
_JOINERS = re.compile(r"['’‘`ʼ\-‐‑‒–—―]")


class SearchError(UsageError):
    """A query the search refuses (empty, too long); exit code 2, status 400."""


@dataclass(frozen=True)
class Hit:
    """One search result. ``snippet`` holds the matched words between :data:`OPEN` and :data:`CLOSE`."""

    iri: str
    label: str
    kind: str  # "entity" or "quote"
    cls: str | None
    article: str | None
    snippet: str

    def as_json(self) -> dict:
        """The JSON shape of a result; ``snippet`` is HTML-escaped text with ``<mark>`` around matched words."""
        d = asdict(self)
        return {
            "iri": d["iri"],
            "label": d["label"],
            "kind": d["kind"],
            "class": d["cls"],
            "article": d["article"],
            "snippet": snippet_html(self.snippet),
        }


def fold(text: str) -> str:
    """Lower case, without accents: what two spellings of a word have in common."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def words(text: str) -> list[str]:
    """The folded words of ``text`` as the index cuts them (apostrophes and dashes separate words)."""
    return re.findall(r"[^\W_]+", fold(text))


def snippet_html(snippet: str) -> str:
    """``snippet`` as HTML: escaped, the matched words in ``<mark>``."""
    return escape(snippet, quote=False).replace(OPEN, "<mark>").replace(CLOSE, "</mark>")


def snippet_text(snippet: str) -> str:
    """``snippet`` for a terminal: the matched words in square brackets."""
    return snippet.replace(OPEN, "[").replace(CLOSE, "]")


# --- writing the index ---------------------------------------------------------------------


def _literal(term: str) -> tuple[str, str] | None:
    if not term.startswith('"'):
        return None
    return literal_text(term)


def _iri(term: str) -> str | None:
    return term[1:-1] if term.startswith("<") else None


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


def write_index(path: str | Path, triples: Iterable[Triple], asserted_types: Iterable[Triple] = ()) -> dict:
    """Write the search index of ``triples`` (asserted, inferred and ontology together) to ``path``.

    ``asserted_types`` are the asserted ``rdf:type`` triples; an entity's class is its
    asserted class (a kg: class first), named by the class's label. ``path`` should be a
    new, empty file (the build's staged file); it is filled in one transaction. Returns
    counts of what was indexed.
    """
    labels: dict[str, dict[str, list[tuple[str, str]]]] = {}
    quotes: dict[str, str] = {}
    quote_article: dict[str, str] = {}
    read = _READ
    for s, p, o in triples:
        if p not in read:  # most of a million triples: one set lookup each
            continue
        if p in LABELS:
            iri = _iri(s)
            lit = _literal(o)
            if iri is None or lit is None:
                continue
            labels.setdefault(iri, {}).setdefault(p, []).append(lit)
        elif p == KG_QUOTE:
            lit = _literal(o)
            if lit and s.startswith("<"):
                quotes[s[1:-1]] = lit[0]
        elif p == KG_ARTICLE and s.startswith("<") and o.startswith("<"):
            quote_article[s[1:-1]] = o[1:-1]
    types: dict[str, list[str]] = {}
    for s, p, o in asserted_types:
        if p == RDF_TYPE and s.startswith("<") and o.startswith("<"):
            types.setdefault(s[1:-1], []).append(o[1:-1])

    def preferred(found: dict[str, list[tuple[str, str]]]) -> str | None:
        for p in (SKOS_PREF, RDFS_LABEL, DCT_TITLE, SKOS_ALT):
            values = sorted(found.get(p, ()), key=lambda v: (v[1] not in ("en", ""), v[1], v[0]))
            if values:
                return values[0][0]
        return None

    names = {iri: preferred(found) for iri, found in labels.items()}

    def class_of(iri: str) -> str | None:
        found = sorted(types.get(iri, ()), key=lambda c: (not c.startswith(KG_NS), c))
        if not found:
            return None
        return names.get(found[0]) or _local(found[0])

    vocabulary: set[str] = set()
    rows = []
    for iri in labels:
        label = names[iri]
        aliases = sorted({v for vs in labels[iri].values() for v, _ in vs} - {label})
        every = [label, *aliases]
        variants = sorted({_JOINERS.sub("", v) for v in every} - set(every))
        keys = {" ".join(words(v)) for v in every + variants}
        for key in keys:
            vocabulary.update(key.split())
        size = sum(len(words(text)) for text in every + variants)
        rows.append((size, label, iri, " · ".join(aliases), " ".join(variants), class_of(iri), keys))
    # Rows in the order of their length in words, then label and IRI: bm25 prefers the shorter of two
    # rows that match alike, so the first rows that match are the best candidates (see search()), and
    # ties in bm25 fall to the label.
    rows.sort(key=lambda r: r[:3])
    quote_rows = sorted(
        (len(words(text)), iri, text, quote_article.get(iri), names.get(quote_article.get(iri, "")))
        for iri, text in quotes.items()
    )

    db = sqlite3.connect(str(path))
    try:
        db.executescript(
            f"""
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
            CREATE VIRTUAL TABLE entity USING fts5(
                label, aliases, variants, iri UNINDEXED, cls UNINDEXED,
                tokenize = '{_TOKENIZER}', prefix = '1 2');
            CREATE VIRTUAL TABLE quotes USING fts5(
                quote, iri UNINDEXED, article UNINDEXED, title UNINDEXED, tokenize = '{_TOKENIZER}');
            CREATE TABLE exact (key TEXT NOT NULL, entity INTEGER NOT NULL, PRIMARY KEY (key, entity)) WITHOUT ROWID;
            CREATE TABLE word (word TEXT PRIMARY KEY) WITHOUT ROWID;
            CREATE TABLE near (key TEXT NOT NULL, word TEXT NOT NULL);
            """
        )
        db.executemany(
            "INSERT INTO entity (rowid, label, aliases, variants, iri, cls) VALUES (?,?,?,?,?,?)",
            (
                (i, label, aliases, variants, iri, cls)
                for i, (_, label, iri, aliases, variants, cls, _) in enumerate(rows, 1)
            ),
        )
        db.executemany(
            "INSERT INTO exact VALUES (?, ?)",
            sorted((key, i) for i, row in enumerate(rows, 1) for key in row[6]),
        )
        db.executemany(
            "INSERT INTO quotes (rowid, quote, iri, article, title) VALUES (?,?,?,?,?)",
            ((i, text, iri, article, title) for i, (_, iri, text, article, title) in enumerate(quote_rows, 1)),
        )
        db.executemany("INSERT INTO word VALUES (?)", ((w,) for w in sorted(vocabulary)))
        db.executemany("INSERT INTO near VALUES (?, ?)", _deletions(vocabulary))
        db.execute("CREATE INDEX near_key ON near (key)")
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("schema", SCHEMA_VERSION), ("entities", str(len(rows))), ("quotes", str(len(quotes)))],
        )
        db.execute("INSERT INTO entity (entity) VALUES ('optimize')")
        db.execute("INSERT INTO quotes (quotes) VALUES ('optimize')")
        db.commit()
    finally:
        db.close()
    return {"entities": len(rows), "quotes": len(quotes), "words": len(vocabulary)}


def _deletions(vocabulary: Iterable[str]):
    """(key, word) for every word long enough for typo tolerance: the word itself and each one-letter deletion."""
    for w in sorted(vocabulary):
        if len(w) < MIN_TYPO_LENGTH - 1:
            continue
        yield w, w
        for i in range(len(w)):
            yield w[:i] + w[i + 1 :], w


# --- answering -------------------------------------------------------------------------------


def check_query(text: str | None) -> str:
    """``text`` stripped, or :class:`SearchError` when it is empty or longer than :data:`MAX_QUERY_CHARS`."""
    text = (text or "").strip()
    if not text:
        raise SearchError("the search text is empty.", "Give a name, an alias or words of a quote.")
    if len(text) > MAX_QUERY_CHARS:
        raise SearchError(
            f"the search text is {len(text)} characters long; at most {MAX_QUERY_CHARS} are allowed.",
            "Search for fewer words.",
        )
    return text


def open_index(path: str | Path) -> sqlite3.Connection:
    """The index at ``path``, read-only; :class:`KgError` when the build has none."""
    path = Path(path)
    if not path.is_file():
        raise KgError(f"{path}: no search index in this build.", "Run 'kg build' to make one.")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    except sqlite3.DatabaseError:
        db.close()
        raise KgError(f"{path}: not a search index.", "Run 'kg build' to make it again.") from None
    if not version or version[0] != SCHEMA_VERSION:
        db.close()
        raise KgError(f"{path}: the search index is of another version.", "Run 'kg build' to make it again.")
    return db


def _edits1(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one inserted, deleted or replaced letter."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    return a[i + (la == lb) :] == b[i + 1 :]


def _alternatives(db: sqlite3.Connection, word: str) -> list[str]:
    """Label words one letter away from ``word`` when no label word starts with it; else none."""
    if len(word) < MIN_TYPO_LENGTH:
        return []
    if db.execute("SELECT 1 FROM word WHERE word >= ? AND word < ? LIMIT 1", (word, word + "\U0010ffff")).fetchone():
        return []
    keys = [word] + [word[:i] + word[i + 1 :] for i in range(len(word))]
    marks = ",".join("?" * len(keys))
    found = {w for (w,) in db.execute(f"SELECT DISTINCT word FROM near WHERE key IN ({marks})", keys)}
    return sorted(w for w in found if w != word and _edits1(word, w))[:8]


def _match(terms: list[tuple[str, list[str]]], columns: str | None) -> str:
    """An FTS5 query of quoted words only: each word as a prefix, or one of its alternatives."""
    parts = []
    for word, alternatives in terms:
        options = [f'"{word}"*', *(f'"{w}"' for w in alternatives)]
        parts.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    expr = " AND ".join(parts)
    return f"{{{columns}}} : ({expr})" if columns else expr


def search(index: str | Path | sqlite3.Connection, text: str, *, limit: int = DEFAULT_LIMIT) -> list[Hit]:
    """The entities and then the quotes that match ``text``, best first, at most ``limit`` in all.

    Parameters:
        index: the path of a build's ``search.sqlite``, or a connection from :func:`open_index`.
        text: what the user typed; always matched as words, never as FTS5 syntax.
        limit: the most results to return (1 to :data:`MAX_LIMIT`).

    Raises :class:`SearchError` for an empty or too long query or a limit out of range.
    A query with no word in it (only punctuation) or with no match gives an empty list.
    """
    text = check_query(text)
    if not 1 <= limit <= MAX_LIMIT:
        raise SearchError(f"the limit {limit} is out of range.", f"Give a limit from 1 to {MAX_LIMIT}.")
    found = words(text)[:MAX_WORDS]
    if not found:
        return []
    db = open_index(index) if not isinstance(index, sqlite3.Connection) else index
    try:
        terms = [(w, _alternatives(db, w)) for w in found]
        # A label or alias that is the whole query (or the query with its typos corrected) comes first.
        whole = [" ".join(p) for p in islice(product(*([w, *alt] for w, alt in terms)), 16)]
        match = _match(terms, "label aliases variants")
        exact = [
            i
            for (i,) in db.execute(
                f"SELECT DISTINCT entity FROM exact WHERE key IN ({','.join('?' * len(whole))}) "
                "ORDER BY entity LIMIT ?",
                (*whole, CANDIDATES),
            )
        ]
        ids = _ranked(db, "entity", ENTITY_WEIGHTS, match, limit, only=exact)
        if len(ids) < limit:
            ids += _ranked(db, "entity", ENTITY_WEIGHTS, match, limit - len(ids), exclude=set(exact))
        shown = {
            row[0]: row[1:]
            for row in _rows(
                db,
                "entity",
                "iri, label, cls, highlight(entity, 0, ?, ?), highlight(entity, 1, ?, ?)",
                (OPEN, CLOSE, OPEN, CLOSE),
                match,
                ids,
            )
        }
        hits: list[Hit] = []
        for iri, label, cls, in_label, in_aliases in (shown[i] for i in ids):
            snippet = in_label
            if OPEN not in in_label:
                marked = [a for a in in_aliases.split(" · ") if OPEN in a]
                snippet = f"{label} (also {marked[0]})" if marked else label
            hits.append(Hit(iri, label, "entity", cls, None, snippet))
        if len(hits) < limit:
            match = _match(terms, None)
            ids = _ranked(db, "quotes", "", match, limit - len(hits))
            shown = {
                row[0]: row[1:]
                for row in _rows(
                    db, "quotes", "iri, article, title, snippet(quotes, 0, ?, ?, '…', 32)", (OPEN, CLOSE), match, ids
                )
            }
            for iri, article, title, snippet in (shown[i] for i in ids):
                hits.append(
                    Hit(
                        iri,
                        title or (_local(article) if article else _local(iri)),
                        "quote",
                        "Evidence",
                        article,
                        snippet,
                    )
                )
        return hits
    finally:
        if not isinstance(index, sqlite3.Connection):
            db.close()


def _ranked(
    db: sqlite3.Connection,
    table: str,
    weights: str,
    match: str,
    limit: int,
    *,
    only: list[int] | None = None,
    exclude: set[int] = frozenset(),
) -> list[int]:
    """The rowids of the best ``limit`` rows of ``table`` that match, by bm25 and then rowid.

    Only the first :data:`CANDIDATES` matching rows (in rowid order, the shortest rows first;
    more when ``limit`` asks for more) are ranked, so that a word that matches most rows costs
    no more than one that matches :data:`CANDIDATES`. ``only`` ranks just those rowids (all of them); ``exclude`` leaves rowids out.
    """
    if only is not None:
        if not only:
            return []
        bounds = (only[0], only[-1])
        also = f" AND +rowid IN ({','.join('?' * len(only))})"
    else:
        candidates = max(CANDIDATES, limit + len(exclude))
        last = db.execute(
            f"SELECT rowid FROM {table} WHERE {table} MATCH ? LIMIT 1 OFFSET ?", (match, candidates - 1)
        ).fetchone()
        bounds = (0, last[0] if last else 1 << 62)
        also = ""
        only = []
    rows = db.execute(
        f"SELECT rowid FROM {table} WHERE {table} MATCH ? AND rowid BETWEEN ? AND ?{also} "
        f"ORDER BY bm25({table}{weights}), rowid LIMIT ?",
        (match, *bounds, *only, limit + len(exclude)),
    )
    return [i for (i,) in rows if i not in exclude][:limit]


def _rows(db: sqlite3.Connection, table: str, columns: str, args: tuple, match: str, ids: list[int]) -> list[tuple]:
    """``rowid, columns`` of the rows ``ids`` of ``table`` (in no order), with ``match`` for highlights."""
    if not ids:
        return []
    # The rowid range lets FTS5 run the query once; "+rowid IN" is then checked row by row (a plain
    # "rowid IN" would run the full-text query once for each id).
    return db.execute(
        f"SELECT rowid, {columns} FROM {table} WHERE {table} MATCH ? AND rowid BETWEEN ? AND ? "
        f"AND +rowid IN ({','.join('?' * len(ids))})",
        (*args, match, min(ids), max(ids), *ids),
    ).fetchall()


def render_text(hits: list[Hit]) -> str:
    """Results for a terminal: one line per result, kind, label, class and snippet, then the IRI."""
    lines = []
    for h in hits:
        what = h.cls or h.kind
        lines.append(f"{h.kind:<6}  {h.label}  ({what})")
        lines.append(f"        {snippet_text(h.snippet)}")
        lines.append(f"        <{h.iri}>" + (f"  in <{h.article}>" if h.article else ""))
    return "\n".join(lines) + ("\n" if lines else "")
